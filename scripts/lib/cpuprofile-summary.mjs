/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`): the functions with the most self time and the most inclusive
 * time, in ms and as a share of the samples. `node scripts/lib/cpuprofile-summary.mjs FILE [N]`.
 */
import { readFileSync } from "node:fs";

const [file, n = "30"] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, "utf8"));
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map();
for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
const dt = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const d = profile.timeDeltas[i + 1] ?? 0;
  dt.set(profile.samples[i], (dt.get(profile.samples[i]) ?? 0) + d);
}
const key = (node) => {
  const f = node.callFrame;
  const url = f.url.replace(/^file:\/\/.*?node_modules\//, "").replace(/^file:\/\/.*\/(build|app)\//, "$1/");
  return `${f.functionName || "(anonymous)"} ${url}:${f.lineNumber + 1}`;
};
const self = new Map();
const incl = new Map();
let total = 0;
for (const [id, us] of dt) {
  total += us;
  const leaf = byId.get(id);
  self.set(key(leaf), (self.get(key(leaf)) ?? 0) + us);
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const k = key(byId.get(cur));
    if (seen.has(k)) continue;
    seen.add(k);
    incl.set(k, (incl.get(k) ?? 0) + us);
  }
}
const idle = [...self].filter(([k]) => k.startsWith("(idle)")).reduce((s, [, v]) => s + v, 0);
const busy = total - idle;
const show = (title, m) => {
  console.log(`\n${title} (busy ${Math.round(busy / 1000)} ms of ${Math.round(total / 1000)} ms)`);
  for (const [k, v] of [...m]
    .filter(([k]) => !k.startsWith("(idle)") && !k.startsWith("(root)"))
    .sort((a, b) => b[1] - a[1])
    .slice(0, Number(n))) {
    console.log(`${(v / 1000).toFixed(0).padStart(7)} ms ${((v / busy) * 100).toFixed(1).padStart(5)} %  ${k}`);
  }
};
show("self", self);
show("inclusive", incl);

// `node scripts/lib/cpuprofile-summary.mjs FILE N NAME`: who calls NAME, by inclusive time through that caller.
const target = process.argv[4];
if (target) {
  const callers = new Map();
  const inclusiveOf = (id) => (dt.get(id) ?? 0) + (byId.get(id).children ?? []).reduce((s, c) => s + inclusiveOf(c), 0);
  for (const node of profile.nodes) {
    if (node.callFrame.functionName !== target) continue;
    const p = parent.get(node.id);
    const chain = [];
    for (let cur = p, i = 0; cur !== undefined && i < 4; cur = parent.get(cur), i++)
      chain.push(key(byId.get(cur)).split(" ")[0] + "@" + key(byId.get(cur)).split("/").pop());
    const k = chain.join(" < ");
    callers.set(k, (callers.get(k) ?? 0) + inclusiveOf(node.id));
  }
  console.log(`\ncallers of ${target}`);
  for (const [k, v] of [...callers].sort((a, b) => b[1] - a[1]).slice(0, 15))
    console.log(`${(v / 1000).toFixed(0).padStart(7)} ms  ${k}`);
}
