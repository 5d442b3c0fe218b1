// The app's state: what is being analysed, how far along, and the report.
// Everything stays in this tab's memory; nothing is stored or sent.
import { markRaw, reactive, shallowRef, toRaw } from 'vue'
import type { AnalysisClient } from './analysis/client'
import type { Community } from './community/client'
import type {
  ChatSummary,
  CorpusSummary,
  FromWorker,
  InputFile,
  LinkPair,
  LinkSuggestion,
  Phase,
  PlatformInfo,
  ReportOptions,
  SourceReport,
} from './analysis/protocol'
import { lang } from './i18n'
import { EtaEstimator } from './lib/eta'
import { Throttle } from './lib/throttle'
import { warmFormatsWhenIdle } from './lib/warm-formats'
import type { Report } from './report'

export type Status = 'idle' | 'working' | 'owner' | 'done' | 'error' | 'nothing'

// Why a name may be the owner (in how many chats they write, how much): the core's ranking.
export interface OwnerCandidate {
  name: string
  chats: number
  totalChats: number
  messages: number
}

export interface Progress {
  phase: Phase
  file: string
  done: number
  total: number
  etaSeconds: number | null
}

export const state = reactive({
  status: 'idle' as Status,
  progress: { phase: 'loading', file: '', done: 0, total: 1, etaSeconds: null } as Progress,
  inputs: [] as { path: string; bytes: number }[],
  sources: [] as SourceReport[],
  corpus: null as CorpusSummary | null,
  candidates: [] as string[],
  evidence: [] as OwnerCandidate[], // same order as candidates: the likeliest first
  ownerStatus: null as 'ambiguous' | 'no_such_person' | null,
  report: null as Report | null,
  options: {} as ReportOptions,
  // Who might be the same person (from the last report), and the user's answers for this session.
  suggestions: [] as LinkSuggestion[],
  links: { confirmed: [] as LinkPair[], rejected: [] as LinkPair[] },
  error: null as string | null,
  analysisMs: 0,
  wasmBytes: 0,
  // Counts analyses started in this tab (tests wait for a given run).
  run: 0,
  startedAt: 0,
  finishedAt: 0,
  // The single-file report and the demo have no worker behind them.
  source: 'none' as 'none' | 'analysis' | 'embedded',
  demo: false, // the embedded report is the generated example
  // The report shown is the built-in example of fictional people (never someone's
  // own numbers): the report header, the comparison and the share cards say so.
  get isExample(): boolean {
    return this.source === 'embedded' && this.demo
  },
  // What the community service publishes, once the person asked to see it (compare page):
  // kept in this tab so that cards and the story can place the person in it.
  community: null as Community | null,
  // The core's platform table (export guides, file hints), sent by the worker once the core is loaded.
  platforms: [] as PlatformInfo[],
})

// The files of the current analysis, kept while the user looks at the report so
// that the way back to the upload page finds them (and adding one more re-runs on all).
export const chosenInputs = shallowRef<InputFile[]>([])

let client: AnalysisClient | null = null
const eta = new EtaEstimator()
// The worker's progress, shown a few times a second (each one shown re-renders the progress display).
export const PROGRESS_INTERVAL_MS = 250
const progressShown = new Throttle<Progress>(PROGRESS_INTERVAL_MS, (p) => (state.progress = p))
// Progress set by the page itself (a new run, the result) replaces any the worker's held back.
function setProgress(p: Progress) {
  progressShown.cancel()
  state.progress = p
}
let onReport: (() => void) | null = null

export function whenReport(callback: () => void) {
  onReport = callback
}

export function connect(c: AnalysisClient) {
  client = c
  c.onMessage(handle)
  void c.warm().catch(() => {})
}

export function handle(msg: FromWorker) {
  switch (msg.type) {
    case 'ready':
      state.platforms = msg.platforms
      break
    case 'progress':
      progressShown.push({
        phase: msg.phase,
        file: msg.file,
        done: msg.done,
        total: msg.total,
        etaSeconds: eta.update(msg.done, msg.total, performance.now()),
      })
      break
    case 'source':
      state.sources.push(msg.source)
      break
    case 'corpus':
      state.corpus = msg.summary
      break
    case 'owner':
      state.status = 'owner'
      state.ownerStatus = msg.status
      state.candidates = msg.candidates
      state.evidence = msg.evidence ?? []
      break
    case 'report':
      // Replaced whole, never changed in place: no need for deep reactivity over the JSON.
      state.report = markRaw(msg.report)
      state.options = msg.options
      state.analysisMs = msg.ms
      state.wasmBytes = msg.wasmBytes ?? 0
      state.suggestions = msg.suggestions ?? []
      state.status = 'done'
      state.finishedAt = performance.now()
      // For bench/web_bench.mjs: when the report arrived, the worker's time and memory.
      performance.mark?.('chatlens:report', { detail: { elapsedMs: state.finishedAt - state.startedAt, wasmBytes: state.wasmBytes } })
      state.source = 'analysis'
      state.demo = false
      setProgress({ ...state.progress, phase: 'analyzing', done: state.progress.total, etaSeconds: 0 })
      onReport?.()
      break
    case 'nothing':
      state.status = 'nothing'
      break
    case 'error':
      if (state.status === 'working' || msg.fatal) {
        state.status = 'error'
        state.error = msg.message
      }
      break
  }
}

// Messages to the worker must be plain data: Vue's reactive proxies cannot be cloned.
const plainOptions = (o: ReportOptions): ReportOptions => JSON.parse(JSON.stringify(toRaw(o)))
// inFolder goes along: the worker reads from a folder only the files that may be exports.
const plainInputs = (inputs: InputFile[]): InputFile[] =>
  toRaw(inputs).map((i) => ({ file: toRaw(toRaw(i).file), path: toRaw(i).path, ...(toRaw(i).inFolder ? { inFolder: true } : {}) }))

export async function startAnalysis(inputs: InputFile[], options: ReportOptions = {}) {
  if (!client) throw new Error('no analysis client')
  inputs = plainInputs(inputs)
  // First shown: the core's default period (issue 15), unless the caller chose one.
  options = plainOptions(options.period || options.from || options.to ? options : { ...options, period: 'auto' })
  state.run++
  state.status = 'working'
  state.inputs = inputs.map((i) => ({ path: i.path, bytes: i.file.size }))
  state.sources = []
  state.corpus = null
  state.candidates = []
  state.evidence = []
  state.ownerStatus = null
  state.report = null
  state.error = null
  state.suggestions = []
  state.links = { confirmed: [], rejected: [] }
  state.options = options
  setProgress({ phase: 'reading', file: '', done: 0, total: 1, etaSeconds: null })
  state.startedAt = performance.now()
  eta.reset()
  // While the worker reads, the page is idle: the report's formatters are made then.
  warmFormatsWhenIdle(lang.value)
  try {
    await client.analyze(inputs, options)
  } catch (e) {
    state.status = 'error'
    state.error = e instanceof Error ? e.message : String(e)
  }
}

// Re-runs the insights (owner chosen, filters changed) on the data already imported.
export async function rerun(options: ReportOptions) {
  if (!client || (state.source !== 'analysis' && state.status !== 'owner')) return
  state.status = 'working'
  state.startedAt = performance.now()
  setProgress({ ...state.progress, phase: 'analyzing', etaSeconds: null })
  await client.rerun(plainOptions(withLinks(options)))
}

// The answers so far travel with every report request: the worker keeps no links of its own.
function withLinks(o: ReportOptions): ReportOptions {
  const out: ReportOptions = { ...o }
  delete out.links
  delete out.rejected
  if (state.links.confirmed.length) out.links = [...state.links.confirmed]
  if (state.links.rejected.length) out.rejected = [...state.links.rejected]
  return out
}

const samePair = (x: LinkPair, y: LinkPair) =>
  (x.a.name === y.a.name && x.a.platform === y.a.platform && x.b.name === y.b.name && x.b.platform === y.b.platform) ||
  (x.a.name === y.b.name && x.a.platform === y.b.platform && x.b.name === y.a.name && x.b.platform === y.a.platform)

// "These are the same person": remembered for this tab's session, and the report is re-run.
export function confirmLink(pair: LinkPair) {
  const plain: LinkPair = { a: { ...pair.a }, b: { ...pair.b } }
  state.links.rejected = state.links.rejected.filter((p) => !samePair(p, plain))
  if (!state.links.confirmed.some((p) => samePair(p, plain))) state.links.confirmed.push(plain)
  return rerun(state.options)
}

// "Not the same": not asked again in this session.
export function rejectLink(pair: LinkPair) {
  const plain: LinkPair = { a: { ...pair.a }, b: { ...pair.b } }
  state.links.confirmed = state.links.confirmed.filter((p) => !samePair(p, plain))
  if (!state.links.rejected.some((p) => samePair(p, plain))) state.links.rejected.push(plain)
  state.suggestions = state.suggestions.filter((s) => !samePair(s, plain))
  return rerun(state.options)
}

// Takes an answer back: the pair is suggested again.
export function undoLink(pair: LinkPair) {
  state.links.confirmed = state.links.confirmed.filter((p) => !samePair(p, pair))
  state.links.rejected = state.links.rejected.filter((p) => !samePair(p, pair))
  return rerun(state.options)
}

// More exports for the report on screen: the worker re-reads the inputs it has with these added;
// the owner, filters and links chosen so far are kept.
export async function addExports(inputs: InputFile[]) {
  if (!client || state.source !== 'analysis') return
  inputs = plainInputs(inputs)
  state.run++
  state.status = 'working'
  state.inputs = [...state.inputs, ...inputs.map((i) => ({ path: i.path, bytes: i.file.size }))]
  state.sources = []
  state.startedAt = performance.now()
  setProgress({ phase: 'reading', file: '', done: 0, total: 1, etaSeconds: null })
  eta.reset()
  try {
    await client.add(inputs, plainOptions(withLinks(state.options)))
  } catch (e) {
    state.status = 'error'
    state.error = e instanceof Error ? e.message : String(e)
  }
}

export function chooseOwner(name: string) {
  return rerun({ ...state.options, me: name })
}

export function cancel() {
  client?.cancel()
  state.status = 'idle'
  state.report = state.source === 'analysis' ? null : state.report
  state.source = state.source === 'analysis' ? 'none' : state.source
  setProgress({ phase: 'loading', file: '', done: 0, total: 1, etaSeconds: null })
}

// A report without a worker behind it: the single-file report, or the example (demo).
export function loadEmbedded(report: Report, demo = false) {
  state.report = markRaw(report)
  state.status = 'done'
  state.source = 'embedded'
  state.demo = demo
}

export function canFilter(): boolean {
  return state.source === 'analysis' && !!state.corpus
}

export function chatList(): ChatSummary[] {
  return state.corpus?.chats ?? []
}
