// Whose memory the renderer holds while the web app analyses an export: Chromium's own per-allocator
// totals (memory-infra), at the idle app, around the analysis's high and at the end, for one input.
//
// How: a CDP session starts a trace of the category disabled-by-default-memory-infra with periodic
// light memory dumps (asked every --light-ms; detailed ones only with --detailed-ms: they allocate
// tens of MB of V8 zone memory themselves and show it). Each dump of the page's renderer gives its
// allocators' sizes (malloc; partition_alloc with its partitions array_buffer, buffer, fast_malloc,
// layout; blink_gc; v8 per isolate: the page's, the analysis worker's, the reader thread's, with
// v8/.../malloc the isolate's zone memory, i.e. its compilers'; skia, cc, discardable,
// shared_memory, web_cache, font caches...), its private footprint, and its peak resident memory
// since the dump before (Chromium resets the kernel's peak at each dump: the renderer's VmHWM in
// /proc means nothing during this bench). A dump waits for every thread's answer, the analysis
// worker's too: while the core runs they come 200–1000 ms apart, whatever was asked.
// The script drops the files as bench/web_bench.mjs does and prints one table: each allocator's MB at
// the idle app (the last dump before the drop), at the dump before the analysis's high and at it
// (the dump whose peak since the one before is the largest before the report reached the page:
// the burst came between the two), at the largest value it reached itself while analysing, and at
// the end (the last dump, 1 s after the report's first screen).
// Also `--warm-up`: the same table for the idle app alone (no drop): the warm-up's compile and runs
// (web/src/analysis/warm-up.ts) before the choosing time ends.
// What it found (session 9, 500k WhatsApp): at the analysis's high the Blob stream's chunks
// (partition_alloc/array_buffer, 15–25 MB: held ahead and behind, and the ones done with, which wait
// for the analysis worker's garbage collection) and, in bursts in the first second, V8's zone
// memory (wasm TurboFan tier-up: +26–60 MB of malloc; none with --js-flags --liftoff-only), also
// during the warm-up (the idle app's 200–222 MB against 188).
//
// Usage: node bench/renderer_memory.mjs [--format whatsapp-android|telegram] [--light-ms 20]
//            [--detailed-ms 0] [--choose-ms 4000] [--dist DIST] [--query Q] [--js-flags FLAGS]
//            [--warm-up] [--json FILE] [--trace FILE] [--depth 2] [MESSAGES]
//        MESSAGES: the generated export's size (default 500000; as web_bench.mjs:
//        build/web-bench/FORMAT-MESSAGES, generated when missing). --dist: another web/dist (default
//        web/dist). --depth: how deep the allocator tree is printed (1: malloc, partition_alloc...;
//        2: malloc/partitions...; partition_alloc's partitions and V8's isolates whatever the depth).
//        --json: every dump of the renderer (time from the drop, sizes); --trace: the raw trace events.
// Needs: web/dist, build/release/bench/gen_export (only when the export is missing), /usr/bin/chromium.
// A bench, not a test: the dumps cost the renderer time, so its seconds are not the app's (web_bench.mjs
// gives those).
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const web = join(repo, 'web')
const require = createRequire(join(web, 'package.json'))
const { chromium } = require('playwright-core')
const { serve } = await import(pathToFileURL(join(web, 'tests/e2e/server.mjs')).href)

const argv = process.argv.slice(2)
const option = (name, fallback) => {
  const at = argv.indexOf(name)
  return at < 0 ? fallback : argv.splice(at, 2)[1]
}
const flag = (name) => {
  const at = argv.indexOf(name)
  if (at >= 0) argv.splice(at, 1)
  return at >= 0
}
const format = option('--format', 'whatsapp-android')
const lightMs = Number(option('--light-ms', '20'))
const detailedMs = Number(option('--detailed-ms', '0'))
const chooseMs = Number(option('--choose-ms', '4000'))
const dist = resolve(option('--dist', join(web, 'dist')))
const query = option('--query', '')
const jsFlags = option('--js-flags', '')
const jsonOut = option('--json', '')
const traceOut = option('--trace', '')
const depth = Number(option('--depth', '2'))
const warmUpOnly = flag('--warm-up')
const messages = Number(argv[0] ?? 500_000)
if (!messages) throw new Error(`renderer_memory: bad MESSAGES ${argv[0]}`)
const work = join(repo, 'build/web-bench')
const browserProfile = join(work, 'renderer-memory-profile')
const mb = (b) => b / 1048576

function exportFiles(n) {
  const dir = join(work, `${format}-${n}`)
  if (!existsSync(dir) || !readdirSync(dir).length) {
    const gen = join(process.env.CHATLENS_BUILD ?? join(repo, 'build/release'), 'bench/gen_export')
    const out = format === 'telegram' ? join(dir, 'result.json') : dir
    mkdirSync(dir, { recursive: true })
    execFileSync(gen, ['--format', format, '--messages', String(n), '--chats', format === 'telegram' ? '200' : '10', '--seed', '11', '--out', out])
  }
  return readdirSync(dir).map((f) => join(dir, f))
}

// The trace's events, read back as a stream once tracing ends.
async function stopTracing(cdp) {
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r))
  await cdp.send('Tracing.end')
  const { stream } = await done
  let text = ''
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream, size: 1 << 22 })
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data
    if (chunk.eof) break
  }
  await cdp.send('IO.close', { handle: stream })
  const parsed = JSON.parse(text)
  return Array.isArray(parsed) ? parsed : parsed.traceEvents
}

// One process's dump, from its events (memory-infra writes the process's totals and its allocators
// as separate events with the dump's id): the peak resident memory since the dump before (Chromium
// resets the kernel's peak at each dump), the private footprint, and per allocator path its size (bytes;
// attributes are {type, units, value: hex string}); for V8's zone memory (v8/.../malloc) its peak too.
function addToDump(dump, e) {
  const d = e.args?.dumps ?? {}
  dump.ts = Math.min(dump.ts ?? Infinity, e.ts / 1000)
  dump.mode = d.level_of_detail ?? dump.mode
  const totals = d.process_totals
  if (totals) {
    dump.peak = parseInt(totals.peak_resident_set_size ?? '0', 16)
    dump.footprint = parseInt(totals.private_footprint_bytes ?? '0', 16)
  }
  for (const [name, a] of Object.entries(d.allocators ?? {})) {
    const size = a.attrs?.size
    if (size) dump.sizes[name] = parseInt(size.value, 16)
    const peak = a.attrs?.peak_size
    if (peak) dump.sizes[`${name}:peak`] = parseInt(peak.value, 16)
  }
}

// The allocator paths to print: every path up to the depth, plus the v8 isolates' heaps and
// partition_alloc's partitions whatever the depth (the questions this bench exists for).
function shown(name) {
  const parts = name.split('/')
  if (parts.length <= depth) return true
  if (parts[0] === 'v8' && /^isolate_0x[0-9a-f]+$/.test(parts[1]) && parts.length === 3) return true
  return parts[0] === 'partition_alloc' && parts[1] === 'partitions' && parts.length === 3
}

function launch() {
  rmSync(browserProfile, { recursive: true, force: true })
  return chromium.launchPersistentContext(browserProfile, {
    executablePath: process.env.CHATLENS_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(jsFlags ? [`--js-flags=${jsFlags}`] : []),
    ],
    viewport: { width: 1280, height: 900 },
  })
}

// Chromium's trace clock is CLOCK_MONOTONIC, as process.hrtime: marks in ms on that clock.
const mono = () => Number(process.hrtime.bigint() / 1000n) / 1000
const files = warmUpOnly ? [] : exportFiles(messages)
const server = await serve(dist)
const context = await launch()
let events = []
const marks = {}
try {
  const page = context.pages()[0] ?? (await context.newPage())
  // The page target's session: Tracing on it records the browser's processes, this renderer included.
  const cdp = await context.newCDPSession(page)
  const triggers = [{ mode: 'light', periodic_interval_ms: lightMs }]
  if (detailedMs > 0) triggers.push({ mode: 'detailed', periodic_interval_ms: detailedMs })
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: {
      recordMode: 'recordAsMuchAsPossible',
      includedCategories: ['disabled-by-default-memory-infra'],
      memoryDumpConfig: {
        allowed_dump_modes: ['background', 'light', 'detailed'],
        triggers,
      },
    },
  })
  marks.load = mono()
  await page.goto(`${server.url}/${query}#/upload`)
  await page.waitForTimeout(chooseMs)
  marks.drop = mono()
  if (!warmUpOnly) {
    await page.setInputFiles('[data-file-input]', files)
    await page.waitForSelector('[data-see-report], [data-report-page], [data-fatal-error]', { timeout: 600_000 })
    if (await page.locator('[data-fatal-error]').count()) throw new Error(await page.locator('[data-fatal-error]').innerText())
    const wall = await page.evaluate(() => {
      const m = performance.getEntriesByName('chatlens:report').at(-1)
      return m ? performance.timeOrigin + m.startTime : Date.now()
    })
    marks.report = wall + (mono() - Date.now())
    if (await page.locator('[data-see-report]').count()) await page.click('[data-see-report]')
    await page.waitForSelector('[data-card="overview"]')
    await page.waitForTimeout(1000)
  } else marks.report = marks.drop
  marks.end = mono()
  events = await stopTracing(cdp)
  if (traceOut) writeFileSync(traceOut, JSON.stringify(events))
} finally {
  await context.close()
  await server.close()
  rmSync(browserProfile, { recursive: true, force: true })
}

// The page's renderer: the renderer process (by the trace's process names) with the largest peak.
const names = new Map()
for (const e of events) if (e.ph === 'M' && e.name === 'process_name') names.set(e.pid, e.args?.name)
const byPid = new Map()
for (const e of events)
  if (e.ph === 'v' && names.get(e.pid) === 'Renderer') {
    const dumps = byPid.get(e.pid) ?? new Map()
    byPid.set(e.pid, dumps)
    if (!dumps.has(e.id)) dumps.set(e.id, { sizes: {}, peak: 0, footprint: 0 })
    addToDump(dumps.get(e.id), e)
  }
const highest = (list) => Math.max(0, ...list.map((d) => d.peak))
let dumps = null
let pid = null
for (const [p, m] of byPid)
  if (!dumps || highest([...m.values()]) > highest(dumps)) {
    dumps = [...m.values()]
    pid = p
  }
if (!dumps) throw new Error(`renderer_memory: no renderer dump in the trace (${events.length} events)`)
dumps.sort((a, b) => a.ts - b.ts)
const idle = dumps.filter((d) => d.ts < marks.drop).at(-1) ?? dumps[0]
const analysis = warmUpOnly ? dumps.filter((d) => d.ts < marks.drop) : dumps.filter((d) => d.ts >= marks.drop && d.ts < marks.report + 50)
const atHigh = analysis.reduce((a, d) => (d.peak > a.peak ? d : a), analysis[0] ?? idle)
const beforeHigh = dumps[dumps.indexOf(atHigh) - 1] ?? atHigh
const end = dumps.at(-1)
const paths = new Set()
for (const d of dumps) for (const k of Object.keys(d.sizes)) if (shown(k.replace(/:peak$/, ''))) paths.add(k)
const ownHigh = (k) => Math.max(0, ...analysis.map((d) => d.sizes[k] ?? 0))
const columns = { idle, beforeHigh, atHigh, end }
const rows = [...paths].sort().map((k) => ({
  allocator: k,
  ...Object.fromEntries(Object.entries(columns).map(([c, d]) => [c, mb(d.sizes[k] ?? 0)])),
  ownHigh: mb(ownHigh(k)),
}))
const f = (x) => x.toFixed(1)
const at = (d) => `${((d.ts - marks.drop) / 1000).toFixed(2)} s`
console.log(
  `${warmUpOnly ? 'warm-up (no drop)' : `${messages.toLocaleString('en')} messages (${format})`}: renderer pid ${pid}, ${dumps.length} dumps, ` +
    `${analysis.length} while ${warmUpOnly ? 'idle' : 'analysing'} (light every ${lightMs} ms${detailedMs > 0 ? `, detailed every ${detailedMs} ms` : ''} asked; a dump waits for every thread's answer)`,
)
console.log(
  `drop at ${((marks.drop - marks.load) / 1000).toFixed(2)} s after the load, report at ${((marks.report - marks.drop) / 1000).toFixed(2)} s after the drop`,
)
console.log(
  warmUpOnly
    ? `renderer peak resident since the dump before: the idle app's highest ${f(mb(atHigh.peak))} MB (dump at ${at(atHigh)}; the dump before at ${at(beforeHigh)})`
    : `renderer peak resident since the dump before: idle app's highest ${f(mb(highest(dumps.filter((d) => d.ts < marks.drop))))} MB, ` +
        `analysis's highest ${f(mb(atHigh.peak))} MB (dump at ${at(atHigh)}; the dump before at ${at(beforeHigh)}), after ${f(mb(highest(dumps.filter((d) => d.ts >= marks.report + 50))))} MB`,
)
console.log(
  `private footprint: idle ${f(mb(idle.footprint))}, before the high ${f(mb(beforeHigh.footprint))}, at the high ${f(mb(atHigh.footprint))}, end ${f(mb(end.footprint))} MB`,
)
console.log(
  `\n| allocator (MB; :peak = V8's own peak) | idle ${at(idle)} | ${at(beforeHigh)} | high ${at(atHigh)} | own high | end ${at(end)} |\n|---|---:|---:|---:|---:|---:|`,
)
for (const r of rows)
  if (Math.max(r.idle, r.atHigh, r.ownHigh, r.end) >= 0.5)
    console.log(`| ${r.allocator} | ${f(r.idle)} | ${f(r.beforeHigh)} | ${f(r.atHigh)} | ${f(r.ownHigh)} | ${f(r.end)} |`)
if (jsonOut)
  writeFileSync(
    jsonOut,
    JSON.stringify({
      messages,
      format,
      pid,
      marks,
      series: dumps.map((d) => ({
        t: d.ts - marks.drop,
        mode: d.mode,
        peak: d.peak,
        footprint: d.footprint,
        sizes: d.sizes,
      })),
    }),
  )
