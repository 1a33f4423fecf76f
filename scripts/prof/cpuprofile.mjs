#!/usr/bin/env node
// Reads a V8 CPU profile (`node --cpu-prof`, e.g. from scripts/prof/rounds.mjs --cpu-prof) and
// prints where the time went, per unit of work (decision 178):
//
//   node scripts/prof/cpuprofile.mjs <profile or directory> [--per=N] [--top=40] [--inclusive=40] [--callers=name]
//
// --per: divide by N (the walks or requests the profile covers) to get ms per walk or request;
// self time by function and by file (node_modules package, build, node internals); with
// --inclusive, the functions with the most time including what they call; with --callers, the call
// paths (up to 5 frames) that lead to a function, and the time under each. Native calls (SQLite,
// socket writes) count as the self time of the JavaScript frame or native function that made them.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values: o, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    per: { type: "string", default: "1" },
    top: { type: "string", default: "40" },
    inclusive: { type: "string", default: "0" },
    callers: { type: "string" },
  },
});
if (!positionals[0]) {
  console.error(
    "usage: cpuprofile.mjs <file.cpuprofile | directory> [--per=N] [--top=N] [--inclusive=N] [--callers=name]",
  );
  process.exit(2);
}
let file = positionals[0];
if (statSync(file).isDirectory()) {
  const found = readdirSync(file).filter((f) => f.endsWith(".cpuprofile"));
  if (found.length === 0) throw new Error(`no .cpuprofile in ${file}`);
  file = join(file, found.sort().at(-1));
}
const profile = JSON.parse(readFileSync(file, "utf8"));
const per = Number(o.per);
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const sampled = new Map();
profile.samples.forEach((id, i) => sampled.set(id, (sampled.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

const short = (url) =>
  url
    .replace(/^.*\/node_modules\//, "nm/")
    .replace(/^.*\/build\//, "build/")
    .replace(/^file:\/\/.*\/scripts\//, "scripts/");
const frame = (n) =>
  `${n.callFrame.functionName || "(anonymous)"} ${short(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
const fileOf = (n) => {
  const url = short(n.callFrame.url);
  if (!url) return n.callFrame.functionName;
  if (url.startsWith("nm/"))
    return url
      .split("/")
      .slice(0, url.startsWith("nm/@") ? 3 : 2)
      .join("/");
  return url.split(/[:/]/).slice(0, 2).join(":");
};
const add = (map, key, us) => map.set(key, (map.get(key) ?? 0) + us);
const bySelf = new Map();
const byFile = new Map();
const byInclusive = new Map();
let total = 0;
for (const [id, us] of sampled) {
  const n = nodes.get(id);
  total += us;
  add(bySelf, frame(n), us);
  add(byFile, fileOf(n), us);
  const seen = new Set();
  for (let x = id; x !== undefined; x = parent.get(x)) {
    const key = frame(nodes.get(x));
    if (!seen.has(key)) add(byInclusive, key, us);
    seen.add(key);
  }
}
const ms = (us) => (us / 1000 / per).toFixed(3);
const print = (title, map, count) => {
  console.log(`--- ${title}`);
  for (const [k, v] of [...map].sort((a, b) => b[1] - a[1]).slice(0, count)) console.log(`${ms(v)}\t${k}`);
};
console.log(`${file}: ${ms(total)} ms sampled${per !== 1 ? ` per unit (${per} units)` : ""}`);
print("self, by function", bySelf, Number(o.top));
print("self, by file", byFile, 25);
if (Number(o.inclusive) > 0) print("inclusive", byInclusive, Number(o.inclusive));
if (o.callers) {
  // Time under each outermost call of the function, keyed by the frames that led to it.
  const under = new Map();
  for (const [id, us] of sampled)
    for (let x = id; x !== undefined; x = parent.get(x)) {
      const n = nodes.get(x);
      if (n.callFrame.functionName !== o.callers) continue;
      let outer = parent.get(x);
      while (outer !== undefined && nodes.get(outer).callFrame.functionName !== o.callers) outer = parent.get(outer);
      if (outer !== undefined) continue;
      const path = [];
      for (let y = parent.get(x); y !== undefined && path.length < 5; y = parent.get(y)) path.push(frame(nodes.get(y)));
      add(under, path.join(" < "), us);
      break;
    }
  print(`callers of ${o.callers}`, under, 15);
}
