// The app's state: what is being analysed, how far along, and the report.
// Everything stays in this tab's memory; nothing is stored or sent.
import { markRaw, reactive, toRaw } from 'vue'
import type { AnalysisClient } from './analysis/client'
import type { ChatSummary, CorpusSummary, FromWorker, InputFile, Phase, PlatformInfo, ReportOptions, SourceReport } from './analysis/protocol'
import { EtaEstimator } from './lib/eta'
import type { Report } from './report'

export type Status = 'idle' | 'working' | 'owner' | 'done' | 'error' | 'nothing'

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
  ownerStatus: null as 'ambiguous' | 'no_such_person' | null,
  report: null as Report | null,
  options: {} as ReportOptions,
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
  // The core's platform table (export guides, file hints), sent by the worker once the core is loaded.
  platforms: [] as PlatformInfo[],
})

let client: AnalysisClient | null = null
const eta = new EtaEstimator()
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
      state.progress = {
        phase: msg.phase,
        file: msg.file,
        done: msg.done,
        total: msg.total,
        etaSeconds: eta.update(msg.done, msg.total, performance.now()),
      }
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
      break
    case 'report':
      // Replaced whole, never changed in place: no need for deep reactivity over the JSON.
      state.report = markRaw(msg.report)
      state.options = msg.options
      state.analysisMs = msg.ms
      state.wasmBytes = msg.wasmBytes ?? 0
      state.status = 'done'
      state.finishedAt = performance.now()
      state.source = 'analysis'
      state.demo = false
      state.progress = { ...state.progress, phase: 'analyzing', done: state.progress.total, etaSeconds: 0 }
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
const plainInputs = (inputs: InputFile[]): InputFile[] => toRaw(inputs).map((i) => ({ file: toRaw(toRaw(i).file), path: toRaw(i).path }))

export async function startAnalysis(inputs: InputFile[], options: ReportOptions = {}) {
  if (!client) throw new Error('no analysis client')
  inputs = plainInputs(inputs)
  options = plainOptions(options)
  state.run++
  state.status = 'working'
  state.inputs = inputs.map((i) => ({ path: i.path, bytes: i.file.size }))
  state.sources = []
  state.corpus = null
  state.candidates = []
  state.ownerStatus = null
  state.report = null
  state.error = null
  state.options = options
  state.progress = { phase: 'reading', file: '', done: 0, total: 1, etaSeconds: null }
  state.startedAt = performance.now()
  eta.reset()
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
  state.progress = { ...state.progress, phase: 'analyzing', etaSeconds: null }
  await client.rerun(plainOptions(options))
}

export function chooseOwner(name: string) {
  return rerun({ ...state.options, me: name })
}

export function cancel() {
  client?.cancel()
  state.status = 'idle'
  state.report = state.source === 'analysis' ? null : state.report
  state.source = state.source === 'analysis' ? 'none' : state.source
  state.progress = { phase: 'loading', file: '', done: 0, total: 1, etaSeconds: null }
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
