// End-to-end: the worker's two ways of reading inputs give the same reports (issue 16). Where
// Chromium has JSPI the core's reads wait for Blob streams (web/src/analysis/jspi.ts,
// stream-blob.ts); "?reads=sync" keeps FileReaderSync. The same files — a WhatsApp .txt of
// several 4 MiB reads, a zip of it, a Telegram result.json — are analysed both ways in the built
// app; the reports, the per-input source reports and the path each run took are compared. The
// stream path reads on a reader thread; "?reads=own" streams in the worker itself.
//
// Usage: node tests/e2e/stream-reads.mjs   (after `npm run build`; CHATLENS_BUILD: the release build with gen_export)
// Prints one line per test and ends with "N passed, N failed, N skipped"; exits 1 on any failure.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { zipSync } from 'fflate'
import { serve } from './server.mjs'
import { artifacts, assert, finish, generateExports, launchChromium, test, web } from './harness.mjs'

const dir = join(artifacts, 'stream-reads')
mkdirSync(dir, { recursive: true })
const txt = join(dir, 'WhatsApp Chat with Ana.txt')
generateExports(txt, ['--format', 'whatsapp-android', '--messages', '150000', '--seed', '3'])
const zip = join(dir, 'WhatsApp Chat with Bea.zip')
writeFileSync(zip, zipSync({ 'WhatsApp Chat with Bea.txt': readFileSync(txt) }))
const telegram = join(dir, 'result.json')
generateExports(telegram, ['--format', 'telegram', '--messages', '40000', '--seed', '4'])

const server = await serve(join(web, 'dist'))
const browser = await launchChromium()

// One analysis in a fresh page: the report and source reports the worker posted, and the path its reads took.
async function analyse(files, query) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en' })
  await context.addInitScript(() => {
    localStorage.setItem('chatlens.lang', 'en')
    // Every message of the analysis worker, as the page receives it.
    window.__posted = []
    const Base = window.Worker
    window.Worker = class extends Base {
      constructor(...args) {
        super(...args)
        this.addEventListener('message', (e) => {
          if (e.data?.type === 'report' || e.data?.type === 'source')
            window.__posted.push(JSON.stringify(e.data.type === 'report' ? e.data.report : e.data.source))
        })
      }
    }
  })
  const page = await context.newPage()
  const errors = []
  page.on('pageerror', (e) => errors.push(e.message))
  try {
    await page.goto(`${server.url}/${query}#/upload`)
    await page.setInputFiles('[data-file-input]', files)
    await page.waitForSelector('[data-report-page], [data-see-report]', { timeout: 120_000 })
    const posted = await page.evaluate(() => window.__posted)
    let reads = null
    for (const worker of page.workers())
      reads ??= await worker.evaluate(() => performance.getEntriesByName('chatlens:worker').at(-1)?.detail?.reads ?? null).catch(() => null)
    assert(errors.length === 0, `page errors: ${errors.join(' | ')}`)
    return { posted, reads }
  } finally {
    await context.close()
  }
}

for (const [name, files] of [
  ['a WhatsApp .txt', [txt]],
  ['a zip (deflated entry)', [zip]],
  ['a Telegram result.json', [telegram]],
]) {
  await test(`${name}: the stream path and the FileReaderSync path give identical reports`, async () => {
    const stream = await analyse(files, '')
    const sync = await analyse(files, '?reads=sync')
    assert(stream.reads === 'stream', `the default path read with "${stream.reads}", not "stream" (this Chromium has JSPI)`)
    assert(sync.reads === 'sync', `?reads=sync read with "${sync.reads}"`)
    assert(stream.posted.length >= 2, `posted ${stream.posted.length} messages, expected sources and a report`)
    const sources = stream.posted.slice(0, -1).map((s) => JSON.parse(s))
    assert(
      sources.every((s) => s.error === null && s.records > 0),
      `inputs not imported: ${JSON.stringify(sources.map((s) => [s.file, s.error, s.records]))}`,
    )
    assert(stream.posted.length === sync.posted.length, `${stream.posted.length} vs ${sync.posted.length} messages`)
    for (let i = 0; i < stream.posted.length; i++)
      assert(stream.posted[i] === sync.posted[i], `message ${i} differs: ${stream.posted[i].slice(0, 200)} vs ${sync.posted[i].slice(0, 200)}`)
  })
}

await test("a zip and a .txt read by the worker's own streams (?reads=own, no reader thread): the same reports", async () => {
  const own = await analyse([zip, txt], '?reads=own')
  const sync = await analyse([zip, txt], '?reads=sync')
  assert(own.reads === 'stream', `?reads=own read with "${own.reads}"`)
  assert(own.posted.length === 3 && own.posted.join('\n') === sync.posted.join('\n'), 'the reports differ')
})

await browser.close()
await server.close()
finish()
