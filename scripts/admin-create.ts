// `npm run admin:create -- --email you@example.org [--name "Your Name"] [--reset]`: the first administrator of a real
// installation (or a fresh start for one who lost their phone). Prints a one-time link to set the password; no password
// is ever made, printed or emailed. Run it where the server's environment (DATABASE_URL, APP_URL) is set.
import { parseArgs } from "node:util";
import { z } from "zod";

const usage = `Usage: npm run admin:create -- --email <address> [--name <name>] [--reset]

Creates an administrator and prints a one-time link (valid 24 hours) to choose a password. After logging in, the
administrator must turn on two-step verification (an authenticator app) before any other page opens.

  --email <address>  the administrator's email (their login)
  --name <name>      how their name is shown (default: the part of the email before @)
  --reset            for an existing administrator: clear password and two-step verification, end their sessions
                     and print a fresh link (a lost phone, a leaked password)
  --help             this text`;

function fail(message: string): never {
  process.stderr.write(`admin:create: ${message}\n`);
  process.exit(1);
}

let args;
try {
  args = parseArgs({
    options: {
      email: { type: "string" },
      name: { type: "string" },
      reset: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  }).values;
} catch (e) {
  fail(`${e instanceof Error ? e.message : String(e)} (see --help)`);
}
if (args.help) {
  console.log(usage);
  process.exit(0);
}
const email = z.email().max(254).safeParse(args.email?.trim().toLowerCase());
if (!email.success) fail("give the administrator's email address with --email (see --help)");
const name = args.name?.trim();
if (name !== undefined && (name.length < 1 || name.length > 120)) fail("--name must be 1-120 characters");

const { config, ConfigError } = await import("../app/config.server");
try {
  config();
} catch (e) {
  if (e instanceof ConfigError) fail(e.message);
  throw e;
}
const { ADMIN_EMAIL_TAKEN, createAdminLink } = await import("../app/services/accounts.server");
const { closeDb } = await import("../app/db.server");
const result = createAdminLink({ email: email.data, name, reset: args.reset });
closeDb();
if (!result.ok) {
  fail(
    result.formErrors.includes(ADMIN_EMAIL_TAKEN)
      ? `${email.data} already has an account; use --reset to start an administrator over`
      : `${email.data} is not an administrator`,
  );
}
const link = result.value;
console.log(`${link.created ? "Created the administrator" : "Reset the administrator"} ${email.data}.`);
console.log("Open this link (once, within 24 hours) to choose a password, then set up two-step verification:");
console.log(`  ${link.url}`);
