// The core's WebAssembly memory on big inputs, under Node, without a browser: the memory
// after each input, after finish() and after the report (the figure web_bench.mjs reads as
// "WASM memory": WebAssembly memory only grows, so it is the high-water mark).
//   node bench/wasm_memory.mjs build/wasm/web/wasm/chatlens_core.js FILE_OR_DIR...
// WASM_MEMORY_VERBOSE=1 adds the memory after each input; WASM_MEMORY_REPORT=FILE writes the
// report's JSON there (to compare two builds' reports byte for byte).
// The module is built for web and worker: this script poses as a worker (importScripts,
// self.location) and hands it the compiled .wasm itself.
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const [coreJs, ...args] = process.argv.slice(2)
if (!coreJs || args.length === 0) {
  console.error('usage: node bench/wasm_memory.mjs chatlens_core.js FILE_OR_DIR...')
  process.exit(2)
}
globalThis.importScripts = () => {}
globalThis.self = globalThis
globalThis.self.location = { href: pathToFileURL(path.resolve(coreJs)).href }

const files = args.flatMap((a) =>
  fs.statSync(a).isDirectory()
    ? fs.readdirSync(a).filter((f) => f.endsWith('.txt') || f.endsWith('.json')).sort().map((f) => path.join(a, f))
    : [a],
)
const wasmFile = coreJs.replace(/\.js$/, '.wasm')
const { default: createCore } = await import(pathToFileURL(path.resolve(coreJs)).href)
const core = await createCore({
  instantiateWasm(imports, receive) {
    const module = new WebAssembly.Module(fs.readFileSync(wasmFile))
    receive(new WebAssembly.Instance(module, imports), module)
    return {}
  },
  locateFile: (p) => p,
  print: () => {},
  printErr: (t) => console.error(t),
})
const mb = () => (core.HEAPU8.length / 1048576).toFixed(0)
// The allocator's view (a core built before heapStats existed has none): how far the heap
// reaches and how much of it is in use, so holes left by freed blocks show.
const heap = () => {
  if (!core.heapStats) return ''
  const h = core.heapStats()
  const m = (b) => (b / 1048576).toFixed(1)
  return ` (heap ${m(h.heapBytes)} MB: ${m(h.usedBytes)} used, ${m(h.freeBytes)} free)`
}
const verbose = process.env.WASM_MEMORY_VERBOSE === '1'
const start = process.cpuUsage()
const session = new core.Session(() => {}, '2026-12-07')
for (const file of files) {
  const fd = fs.openSync(file, 'r')
  const size = fs.fstatSync(fd).size
  session.addInput(path.basename(file), size, '', (offset, ptr, n) =>
    fs.readSync(fd, core.HEAPU8, ptr, Math.min(n, size - offset), offset),
  )
  fs.closeSync(fd)
  if (verbose) console.log(`  ${path.basename(file)}: WASM memory ${mb()} MB${heap()}`)
}
const importCpu = process.cpuUsage(start)
console.log(`imported ${files.length} inputs: WASM memory ${mb()} MB${heap()}; CPU ${((importCpu.user + importCpu.system) / 1e6).toFixed(2)} s`)
const summary = JSON.parse(session.finish())
console.log(`finish (${summary.messages} messages): WASM memory ${mb()} MB${heap()}`)
const reportStart = process.cpuUsage()
let text = session.report({ period: 'auto' })
let out = JSON.parse(text)
if (out.status !== 'ok' && out.candidates?.length) out = JSON.parse((text = session.report({ period: 'auto', me: out.candidates[0] })))
if (process.env.WASM_MEMORY_REPORT) fs.writeFileSync(process.env.WASM_MEMORY_REPORT, text)
const cpu = process.cpuUsage(start)
const reportCpu = process.cpuUsage(reportStart)
const seconds = (c) => ((c.user + c.system) / 1e6).toFixed(2)
console.log(`report (${out.status}): WASM memory ${mb()} MB${heap()}; CPU ${seconds(cpu)} s (report ${seconds(reportCpu)} s)`)
console.log(`period ${JSON.stringify(out.report?.period)}`)
console.log(`RESULT wasm_mb=${mb()} messages=${summary.messages}`)
session.delete()
