/**
 * Guidance pages are plain text written by coordinators: paragraphs split by blank lines, and lines starting with
 * "- " form a list. No markup is ever interpreted (React escapes the text), so an edit cannot inject anything. Pure.
 */
export type Block = { kind: "p"; text: string } | { kind: "ul"; items: string[] };

export function textBlocks(body: string): Block[] {
  const out: Block[] = [];
  for (const chunk of body.replace(/\r\n?/g, "\n").split(/\n\s*\n/)) {
    const lines = chunk
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
    let para: string[] = [];
    let list: string[] = [];
    const flushPara = () => {
      if (para.length) out.push({ kind: "p", text: para.join(" ") });
      para = [];
    };
    const flushList = () => {
      if (list.length) out.push({ kind: "ul", items: list });
      list = [];
    };
    for (const l of lines) {
      if (/^[-•*]\s+/.test(l)) {
        flushPara();
        list.push(l.replace(/^[-•*]\s+/, ""));
      } else {
        flushList();
        para.push(l);
      }
    }
    flushPara();
    flushList();
  }
  return out;
}
