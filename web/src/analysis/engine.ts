// The worker's logic, independent of the Worker global so it can be tested:
// plans the inputs (zip entries chosen by the core), streams each one into
// WebAssembly memory in chunks, imports it, and builds reports.
import type { CorpusSummary, FromWorker, InputFile, PlatformInfo, ReportOptions, SourceReport } from './protocol'
import { blobAccess, DEFAULT_LIMITS, extractEntry, looksLikeZip, readCentralDirectory, ZipError, type RandomAccess, type ZipEntry } from './zip'

export interface CoreSession {
  stage(size: number): number
  grow(size: number): number
  add(name: string, length: number, titleHint: string): string
  // key: an i18n key (input.*); detail: what the browser or the zip reader said, or ''.
  addFailure(name: string, bytes: number, key: string, detail: string): string
  finish(): string
  report(options: Record<string, unknown>): string
  delete(): void
}

export interface CoreModule {
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
  | { kind: 'zip'; name: string; src: RandomAccess; entry: ZipEntry; titleHint: string; size: number }
  | { kind: 'failure'; name: string; size: number; key: string; detail: string }

const CHUNK = 8 << 20

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

  constructor(
    private readonly core: CoreModule,
    private readonly post: (msg: FromWorker) => void,
    private readonly now: () => number = () => Date.now(),
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
        items.push({ kind: 'zip', name: `${input.path}:${entry.name}`, src, entry, titleHint, size: entry.compressedSize + entry.size })
      }
    }
    return items
  }

  // Copies the input into a staging buffer inside WebAssembly memory, chunk by chunk.
  private async stageFile(session: CoreSession, blob: Blob): Promise<number> {
    const size = blob.size
    const ptr = session.stage(size)
    for (let o = 0; o < size; o += CHUNK) {
      const chunk = new Uint8Array(await blob.slice(o, Math.min(size, o + CHUNK)).arrayBuffer())
      this.core.HEAPU8.set(chunk, ptr + o)
      this.progress('reading', this.progressBase + (o + chunk.length) / 2)
    }
    return size
  }

  // What each archive's entries inflated to so far (the limits hold for the whole archive).
  private inflated = new Map<RandomAccess, number>()

  private async stageZipEntry(session: CoreSession, src: RandomAccess, entry: ZipEntry): Promise<number> {
    // The declared size is a hint, never an allocation: a 200-byte archive may claim a terabyte.
    let capacity = Math.min(Math.max(entry.size, 0), 64 << 20)
    let ptr = session.stage(capacity)
    let written = 0
    await extractEntry(
      src,
      entry,
      (chunk) => {
        if (written + chunk.length > capacity) {
          // The central directory understated the size: grow (rare; copies inside WASM).
          capacity = Math.max(written + chunk.length, capacity * 2)
          ptr = session.grow(capacity)
        }
        this.core.HEAPU8.set(chunk, ptr + written)
        written += chunk.length
      },
      { chunkSize: CHUNK, onRead: (n) => this.progress('reading', this.progressBase + n / 2), inflatedBefore: this.inflated.get(src) ?? 0 },
    )
    this.inflated.set(src, (this.inflated.get(src) ?? 0) + written)
    return written
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
    const session = new this.core.Session((done, total) => {
      // Import progress of the current input: the second half of its share.
      const share = this.currentShare
      this.progress('importing', this.progressBase + share / 2 + (total > 0 ? (done / total) * (share / 2) : 0))
    }, localToday())
    this.session = session
    const items = await this.plan(inputs)
    const bytes = items.reduce((n, i) => n + (i.kind === 'failure' ? 0 : i.size), 0)
    // The insights take roughly a fifth of the time of reading and importing.
    this.progressTotal = Math.max(1, Math.round(bytes * 1.2))
    this.progressBase = 0
    for (const item of items) {
      this.currentFile = item.name
      let source: SourceReport
      if (item.kind === 'failure') {
        source = JSON.parse(session.addFailure(item.name, item.size, item.key, item.detail))
      } else {
        this.currentShare = item.size
        this.progress('reading', this.progressBase, true)
        let length: number
        try {
          length = item.kind === 'file' ? await this.stageFile(session, item.input.file) : await this.stageZipEntry(session, item.src, item.entry)
        } catch (e) {
          session.stage(0)
          source = JSON.parse(
            e instanceof ZipError
              ? session.addFailure(item.name, item.size, 'input.zip_entry_unreadable', e.message)
              : session.addFailure(item.name, item.size, 'input.cannot_read', errorText(e)),
          )
          this.post({ type: 'source', source })
          this.progressBase += item.size
          continue
        }
        this.progress('importing', this.progressBase + item.size / 2, true)
        source = JSON.parse(session.add(item.name, length, item.kind === 'zip' ? item.titleHint : ''))
        this.progressBase += item.size
      }
      this.post({ type: 'source', source })
    }
    this.currentFile = ''
    this.progress('analyzing', bytes, true)
    const summary: CorpusSummary = JSON.parse(session.finish())
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
    const out = JSON.parse(this.session.report(coreOptions(options)))
    if (out.status === 'ok') {
      this.post({
        type: 'report',
        report: out.report,
        options,
        ms: this.now() - t0,
        wasmBytes: this.core.HEAPU8.length,
        suggestions: out.suggestions ?? [],
      })
    } else {
      this.post({ type: 'owner', status: out.status, candidates: out.candidates ?? [], evidence: out.evidence ?? [] })
    }
  }
}

export function errorText(e: unknown): string {
  if (e instanceof Error) return e.message
  return String(e)
}
