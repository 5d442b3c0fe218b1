// The functions a V8 CPU profile spent its time in, self time first: for profiling the
// core's WebAssembly under Node (build with `--profiling-funcs` at link time for names).
//   node --cpu-prof --cpu-prof-dir=DIR bench/wasm_memory.mjs CORE.js INPUT...
//   node bench/cpuprofile_top.mjs DIR/*.cpuprofile [--top N]
// V8 samples wall time: on a busy machine a descheduled thread still collects samples. For CPU
// time alone, Linux perf sees the same names through V8's perf map:
//   perf record -e cpu-clock -F 999 -- node --perf-basic-prof bench/wasm_memory.mjs CORE.js INPUT...
//   perf report -n --no-children --sort sym   (a "-liftoff" suffix: code not yet optimised by V8)
import fs from 'node:fs'

const args = process.argv.slice(2)
const topAt = args.indexOf('--top')
const top = topAt >= 0 ? Number(args.splice(topAt, 2)[1]) : 40
if (args.length !== 1 || !Number.isInteger(top) || top <= 0) {
  console.error('usage: node bench/cpuprofile_top.mjs FILE.cpuprofile [--top N]')
  process.exit(2)
}
const profile = JSON.parse(fs.readFileSync(args[0], 'utf8'))
const byId = new Map(profile.nodes.map((n) => [n.id, n]))
// Sample i lasted timeDeltas[i + 1] (the next sample's delta); the last one is dropped.
const selfUs = new Map()
for (let i = 0; i + 1 < profile.samples.length; ++i) {
  const id = profile.samples[i]
  selfUs.set(id, (selfUs.get(id) ?? 0) + profile.timeDeltas[i + 1])
}
const byName = new Map()
let total = 0
for (const [id, us] of selfUs) {
  const f = byId.get(id).callFrame
  const name = f.functionName || `(anonymous ${f.url.split('/').pop()}:${f.lineNumber})`
  byName.set(name, (byName.get(name) ?? 0) + us)
  total += us
}
const rows = [...byName].sort((a, b) => b[1] - a[1]).slice(0, top)
console.log(`total ${(total / 1e6).toFixed(2)} s sampled`)
for (const [name, us] of rows)
  console.log(`${(us / 1e6).toFixed(3).padStart(8)} s ${((100 * us) / total).toFixed(1).padStart(5)} %  ${name}`)
