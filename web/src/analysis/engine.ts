// The worker's logic, independent of the Worker global so it can be tested:
// plans the inputs (zip entries chosen by the core), hands each one to the core,
// which reads it in pieces straight into WebAssembly memory as it imports it, and
// builds reports.
import type { CorpusSummary, FromWorker, InputFile, PlatformInfo, ReportOptions, SourceReport } from './protocol'
import { fileReaderSync, InputError, SyncBlob, type BlobBytes, type ReadInto, type SliceReader } from './slices'
import type { OpenStream } from './reader-thread'
import { StreamBlob } from './stream-blob'
import { emptyTimings, publishTimings, timed, type WorkerTimings } from './timings'
import { blobAccess, DEFAULT_LIMITS, looksLikeZip, readCentralDirectory, ZipError, type ZipEntry } from './zip'
import { ZipEntryInput } from './zip-entry-input'

export interface CoreSession {
  // Imports an input of `size` bytes that the core reads through `read` as it goes: read copies up
  // to n bytes from `offset` into HEAPU8 at `ptr` and returns the count (fewer only at the end); a
  // thrown error (its `key`, an input.* key, and its message) is the input's error.
  addInput(name: string, size: number, titleHint: string, read: (offset: number, ptr: number, n: number) => number): string
  // The same import run by CoreModule.importStaged, whose reads may wait (JSPI): the read
  // function's chatlensWait(offset, n) is awaited before each read (web/wasm/js_input.hpp).
  stageInput(name: string, size: number, titleHint: string, read: StagedRead): void
  stagedReport(): string
  // key: an i18n key (input.*); detail: what the browser or the zip reader said, or ''.
  addFailure(name: string, bytes: number, key: string, detail: string): string
  finish(): string
  report(options: Record<string, unknown>): string
  delete(): void
}

export type StagedRead = ((offset: number, ptr: number, n: number) => number) & { chatlensWait: (offset: number, n: number) => Promise<number> }

export interface CoreModule {
  // Runs the staged input (session.stageInput) through WebAssembly.promising: set by the worker
  // where the browser has JSPI (jspi.ts); absent, inputs are read with FileReaderSync.
  importStaged?: () => Promise<number>
  // `today` is the local date, "YYYY-MM-DD": the core reads no clock (same bytes, same corpus).
  Session: new (progress: (done: number, total: number) => void, today: string) => CoreSession
  chooseChatEntries(names: string[]): number[]
  // The zip's chats and their title hints, by the core's platform table (the native command's rule).
  planChatEntries(names: string[], archiveName: string): { index: number; titleHint: string }[]
  titleFromFileName(name: string): string
  mayBeExportFile(path: string): boolean
  platforms(): PlatformInfo[]
  sectionNames(): string[]
  HEAPU8: Uint8Array
}

// The browser's local date as "YYYY-MM-DD", handed to the core as "today".
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

type PlanItem =
  | { kind: 'file'; name: string; input: InputFile; size: number }
  | { kind: 'zip'; name: string; archive: Blob; entry: ZipEntry; titleHint: string; size: number }
  | { kind: 'failure'; name: string; size: number; key: string; detail: string }

// Days since 1970-01-01 of a "YYYY-MM-DD" date (the core's local-time day numbers).
export function dayNumber(date: string | undefined): number | undefined {
  if (!date) return undefined
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!m) return undefined
  return Math.floor(Date.UTC(+m[1], +m[2] - 1, +m[3]) / 86400000)
}

export function coreOptions(o: ReportOptions): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  if (o.me) out.me = o.me
  const from = dayNumber(o.from)
  const to = dayNumber(o.to)
  if (from !== undefined) out.from = from
  if (to !== undefined) out.to = to
  // Dates chosen by hand are a range; otherwise the period picked (web/wasm/chatlens_wasm.cpp).
  if (from === undefined && to === undefined && o.period) {
    if (/^\d{4}$/.test(o.period)) Object.assign(out, { period: 'year', year: Number(o.period) })
    else out.period = o.period
  }
  if (o.chats) out.chats = o.chats
  if (o.links?.length) out.links = o.links
  if (o.rejected?.length) out.rejected = o.rejected
  return out
}

export class AnalysisEngine {
  private session: CoreSession | null = null
  private lastProgress = 0
  private progressBase = 0
  private progressTotal = 1
  private currentFile = ''
  // Where the last analysis spent its time (timings.ts).
  timings: WorkerTimings = emptyTimings()

  constructor(
    private readonly core: CoreModule,
    private readonly post: (msg: FromWorker) => void,
    private readonly now: () => number = () => Date.now(),
    // How the core's reads reach a File: FileReaderSync in the worker; the tests inject their own.
    private readonly readSlice: SliceReader = fileReaderSync,
    // On the stream path, how streams are opened (the worker's reader thread; the Blob's own by default).
    private readonly openStream?: OpenStream,
  ) {}

  private progress(phase: 'reading' | 'importing' | 'analyzing', done: number, force = false) {
    const t = this.now()
    if (!force && t - this.lastProgress < 80) return
    this.lastProgress = t
    this.post({ type: 'progress', phase, file: this.currentFile, done: Math.min(done, this.progressTotal), total: this.progressTotal })
  }

  private async plan(inputs: InputFile[]): Promise<PlanItem[]> {
    const items: PlanItem[] = []
    for (const input of inputs) {
      // A folder's media and other files: left out by the core's rule, like the native command does.
      if (input.inFolder && !this.core.mayBeExportFile(input.path)) continue
      const size = input.file.size
      let head: Uint8Array
      try {
        head = new Uint8Array(await input.file.slice(0, 4).arrayBuffer())
      } catch (e) {
        items.push({ kind: 'failure', name: input.path, size, key: 'input.cannot_read', detail: errorText(e) })
        continue
      }
      if (size > DEFAULT_LIMITS.maxInputBytes) {
        items.push({ kind: 'failure', name: input.path, size, key: 'input.too_large', detail: String(size) })
        continue
      }
      if (!looksLikeZip(head)) {
        items.push({ kind: 'file', name: input.path, input, size })
        continue
      }
      const src = blobAccess(input.file)
      let entries: ZipEntry[]
      try {
        entries = await readCentralDirectory(src)
      } catch (e) {
        items.push({ kind: 'failure', name: input.path, size, key: 'input.zip_corrupt', detail: errorText(e) })
        continue
      }
      const chosen = this.core.planChatEntries(
        entries.map((e) => e.name),
        input.path,
      )
      if (chosen.length === 0) {
        items.push({ kind: 'failure', name: input.path, size, key: 'input.zip_without_chat', detail: '' })
        continue
      }
      for (const { index, titleHint } of chosen) {
        const entry = entries[index]
        items.push({ kind: 'zip', name: `${input.path}:${entry.name}`, archive: input.file, entry, titleHint, size: entry.compressedSize + entry.size })
      }
    }
    return items
  }

  // What each archive's entries inflated to so far (the limits hold for the whole archive).
  private inflated = new Map<Blob, number>()

  // A Blob as the core reads it: streamed ahead when the core's reads can wait, else FileReaderSync slices.
  private blobBytes(blob: Blob, streamed: boolean, onEnd?: () => void): BlobBytes {
    const started = this.started
    this.started = null
    if (!streamed) return new SyncBlob(blob, this.readSlice, blob.size, this.timings)
    let bytes: StreamBlob
    if (started?.blob === blob) bytes = started.bytes
    else {
      started?.bytes.close()
      bytes = new StreamBlob(blob, this.readSlice, blob.size, this.timings, { open: this.openStream })
    }
    if (onEnd) bytes.whenLastAsked(onEnd)
    return bytes
  }

  // The next file's stream, started once the core has asked for this one's last byte (it still
  // parses them meanwhile). Not earlier: each open stream holds a buffer of its own in the
  // renderer (started with the file before, 5M WhatsApp peaked 60–75 MB higher).
  private started: { blob: Blob; bytes: StreamBlob } | null = null
  private startNext(item: PlanItem | undefined) {
    if (!this.core.importStaged || item?.kind !== 'file') return
    const file = item.input.file
    const bytes = new StreamBlob(file, this.readSlice, file.size, this.timings, { open: this.openStream })
    bytes.prefetch()
    this.started = { blob: file, bytes }
  }
  // Starts the stream after the one being read ends (set per input by analyze).
  private nextStart?: () => void

  // The input as the core reads it: a File's bytes, or a zip entry inflated as it goes.
  private async openInput(
    item: Extract<PlanItem, { kind: 'file' | 'zip' }>,
    streamed: boolean,
  ): Promise<{ size: number; readInto: ReadInto; wait?: (offset: number, n: number) => Promise<number>; done: () => void }> {
    if (item.kind === 'file') {
      const blob = this.blobBytes(item.input.file, streamed, this.nextStart)
      return { size: blob.size, readInto: blob.readInto, wait: blob.wait, done: () => (blob as Partial<StreamBlob>).close?.() }
    }
    const before = this.inflated.get(item.archive) ?? 0
    const archive = this.blobBytes(item.archive, streamed)
    // The entry's local header, read synchronously by the constructor.
    await archive.wait?.(item.entry.localHeaderOffset, 30)
    const entry = new ZipEntryInput(archive, item.entry, { inflatedBefore: before })
    const readInto: ReadInto = (offset, dst) => {
      try {
        return entry.readInto(offset, dst)
      } catch (e) {
        throw e instanceof ZipError ? new InputError('input.zip_entry_unreadable', e.message) : e
      }
    }
    return {
      size: entry.size,
      readInto,
      wait: archive.wait && entry.wait,
      done: () => {
        this.inflated.set(item.archive, before + entry.inflated)
        ;(archive as Partial<StreamBlob>).close?.()
      },
    }
  }

  // Imports one input: the core reads it through the callback, straight into its memory.
  private async importItem(session: CoreSession, item: Extract<PlanItem, { kind: 'file' | 'zip' }>): Promise<SourceReport> {
    const importStaged = this.core.importStaged
    let input: Awaited<ReturnType<AnalysisEngine['openInput']>>
    try {
      input = await this.openInput(item, importStaged !== undefined)
    } catch (e) {
      return JSON.parse(
        e instanceof ZipError
          ? session.addFailure(item.name, item.size, 'input.zip_entry_unreadable', e.message)
          : session.addFailure(item.name, item.size, 'input.cannot_read', errorText(e)),
      )
    }
    const { size, readInto, wait } = input
    const read = (offset: number, ptr: number, n: number): number => {
      // A view of WebAssembly memory made at each read: memory growth replaces the buffer.
      const count = timed(this.timings, 'read', () => readInto(offset, this.core.HEAPU8.subarray(ptr, ptr + n)))
      this.advance(size > 0 ? (offset + count) / size : 1)
      return count
    }
    const titleHint = item.kind === 'zip' ? item.titleHint : ''
    let text: string
    if (importStaged && wait) {
      // The core's stack suspends at each read until `wait` has the bytes (JSPI): no other
      // call into the core may run meanwhile (the worker's queue runs one message at a time).
      session.stageInput(item.name, size, titleHint, Object.assign(read, { chatlensWait: wait }))
      const start = performance.now()
      try {
        await importStaged()
      } finally {
        this.timings.import += performance.now() - start
        input.done()
      }
      text = session.stagedReport()
    } else {
      text = timed(this.timings, 'import', () => session.addInput(item.name, size, titleHint, read))
      input.done()
    }
    return JSON.parse(text)
  }

  // Progress within the current input, never backwards (a second pass reads from the start again).
  private itemDone = 0
  private advance(fraction: number) {
    this.itemDone = Math.max(this.itemDone, Math.min(1, fraction) * this.currentShare)
    this.progress('importing', this.progressBase + this.itemDone)
  }

  // The inputs of the report on screen: Files are handles to the user's files, not their bytes,
  // so keeping them costs nothing and adding exports re-reads them with the new ones.
  private inputs: InputFile[] = []

  // More exports for the report on screen: everything is imported again with them added
  // (the core's import is fast; a corpus cannot take inputs once finished).
  async add(inputs: InputFile[], options: ReportOptions): Promise<void> {
    await this.analyze([...this.inputs, ...inputs], options)
  }

  async analyze(inputs: InputFile[], options: ReportOptions): Promise<void> {
    this.inputs = [...inputs]
    this.session?.delete()
    this.inflated.clear()
    const session = new this.core.Session((done, total) => this.advance(total > 0 ? done / total : 0), localToday())
    this.session = session
    this.timings = emptyTimings()
    this.timings.reads = this.core.importStaged ? 'stream' : 'sync'
    const planStart = performance.now()
    const items = await this.plan(inputs)
    this.timings.plan = performance.now() - planStart
    const bytes = items.reduce((n, i) => n + (i.kind === 'failure' ? 0 : i.size), 0)
    // The insights take roughly a fifth of the time of reading and importing.
    this.progressTotal = Math.max(1, Math.round(bytes * 1.2))
    this.progressBase = 0
    for (const [i, item] of items.entries()) {
      this.currentFile = item.name
      let source: SourceReport
      if (item.kind === 'failure') {
        source = JSON.parse(session.addFailure(item.name, item.size, item.key, item.detail))
      } else {
        this.currentShare = item.size
        this.itemDone = 0
        this.progress('reading', this.progressBase, true)
        this.nextStart = () => this.startNext(items[i + 1])
        source = await this.importItem(session, item)
        this.nextStart = undefined
        this.progressBase += item.size
      }
      this.post({ type: 'source', source })
      // Back to the event loop between inputs: the slices read for this one can be freed.
      await new Promise((resolve) => setTimeout(resolve, 0))
    }
    this.currentFile = ''
    // No more reads: the reader thread ends now, its buffers with it (reader-thread.ts).
    this.openStream?.idle?.()
    this.progress('analyzing', bytes, true)
    const summary: CorpusSummary = JSON.parse(timed(this.timings, 'finish', () => session.finish()))
    this.post({ type: 'corpus', summary })
    // Nothing could be imported from any input: per-file errors, not an empty report.
    if (summary.messages === 0 && items.length > 0) {
      this.post({ type: 'nothing' })
      return
    }
    this.report(options)
  }

  private currentShare = 0

  report(options: ReportOptions): void {
    if (!this.session) {
      this.post({ type: 'error', message: 'nothing imported yet', fatal: false })
      return
    }
    const t0 = this.now()
    this.progress('analyzing', Math.round(this.progressTotal / 1.2), true)
    const session = this.session
    const t = this.timings
    t.insights = t.parse = t.post = 0
    const text = timed(t, 'insights', () => session.report(coreOptions(options)))
    const out = timed(t, 'parse', () => JSON.parse(text))
    if (out.status === 'ok') {
      t.postedAt = performance.timeOrigin + performance.now()
      timed(t, 'post', () =>
        this.post({
          type: 'report',
          report: out.report,
          options,
          ms: this.now() - t0,
          wasmBytes: this.core.HEAPU8.length,
          suggestions: out.suggestions ?? [],
        }),
      )
      publishTimings(t)
    } else {
      this.post({ type: 'owner', status: out.status, candidates: out.candidates ?? [], evidence: out.evidence ?? [] })
    }
  }
}

export function errorText(e: unknown): string {
  if (e instanceof Error) return e.message
  return String(e)
}
