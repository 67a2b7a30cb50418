/**
 * The default transport in dev, demo and tests: nothing leaves the machine. The developer (or a test) is the
 * recipient, so each message is written, as sent, to a file in the sink directory (`LOCAL_SINK_DIR`, by default
 * `sink/` beside the database; off in production): `<id>-<template>.json`, and for an email `<id>-<template>.html`
 * to open in a browser. Staff pages never show these bodies; they render messages again with the secrets masked.
 */
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Transport } from "./types";
import type { MessageAttachment } from "../../../db/schema";
import { log } from "../../utils/logger.server";

export type SinkMessage = {
  id: number;
  channel: string;
  template: string | null;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  unsubscribeUrl: string | null;
  idempotencyKey: string;
  at: string;
  /** Files sent with an email (a calendar invite), also written beside the record as `<id>-<template>-<filename>`. */
  attachments?: MessageAttachment[];
};

/** Writes atomically (a reader never sees half a file); the same message again overwrites its own file. */
function writeAtomic(path: string, content: string) {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, content);
  renameSync(tmp, path);
}

export function localSink(dir: string | null): Transport {
  return {
    name: "local",
    idempotent: true,
    async send(m) {
      if (dir) {
        const base = `${String(m.id).padStart(6, "0")}-${(m.template ?? "message").replace(/[^a-z0-9_-]/gi, "_")}`;
        const record: SinkMessage = {
          id: m.id,
          channel: m.channel,
          template: m.template ?? null,
          to: m.to,
          subject: m.subject,
          text: m.text,
          html: m.html,
          unsubscribeUrl: m.unsubscribeUrl ?? null,
          idempotencyKey: m.idempotencyKey,
          at: new Date().toISOString(),
          ...(m.attachments?.length ? { attachments: m.attachments } : {}),
        };
        try {
          mkdirSync(dir, { recursive: true });
          if (m.html) writeAtomic(join(dir, `${base}.html`), m.html);
          for (const a of m.attachments ?? [])
            writeAtomic(join(dir, `${base}-${a.filename.replace(/[^a-z0-9._-]/gi, "_")}`), a.content);
          writeAtomic(join(dir, `${base}.json`), JSON.stringify(record, null, 2));
          log.info("local sink wrote a message", { messageId: m.id, file: join(dir, `${base}.json`) });
        } catch (e) {
          return {
            ok: false,
            kind: "retry",
            error: `local sink: ${e instanceof Error ? e.message : "write failed"}`.slice(0, 300),
          };
        }
      }
      return { ok: true, providerId: `local-${m.id}` };
    },
  };
}
