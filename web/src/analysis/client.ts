// The page's side of the analysis: one worker at a time, kept warm so dropping
// files starts at once; Cancel terminates it and starts a fresh one. The .wasm
// is fetched and compiled once per page load and handed to each worker, so the
// app keeps working with the network cut after the page loaded.
import { forcedReads } from './jspi'
import type { FromWorker, InputFile, ReportOptions, ToWorker } from './protocol'

export interface WorkerLike {
  postMessage(msg: ToWorker): void
  terminate(): void
  onmessage: ((ev: MessageEvent<FromWorker>) => void) | null
  onerror: ((ev: ErrorEvent) => void) | null
}

export interface ClientDeps {
  createWorker: () => WorkerLike
  compileWasm: () => Promise<WebAssembly.Module>
}

export type Listener = (msg: FromWorker) => void

export class AnalysisClient {
  private worker: WorkerLike | null = null
  private ready: Promise<void> | null = null
  private wasm: Promise<WebAssembly.Module> | null = null
  private listener: Listener = () => {}

  constructor(private readonly deps: ClientDeps) {}

  onMessage(listener: Listener) {
    this.listener = listener
  }

  // Starts the worker and the core now (call at page load).
  warm(): Promise<void> {
    if (this.ready) return this.ready
    this.wasm ??= this.deps.compileWasm()
    const worker = this.deps.createWorker()
    this.worker = worker
    this.ready = new Promise<void>((resolve, reject) => {
      worker.onmessage = (ev) => {
        const msg = ev.data
        if (msg.type === 'ready') resolve()
        else if (msg.type === 'error' && msg.fatal) reject(new Error(msg.message))
        if (this.worker === worker) this.listener(msg)
      }
      worker.onerror = (ev) => {
        const error = new Error(ev.message || 'the analysis worker failed to start')
        reject(error)
        if (this.worker === worker) this.listener({ type: 'error', message: error.message, fatal: true })
      }
    })
    this.wasm.then(
      (module) => worker.postMessage({ type: 'init', wasm: module, ...forcedReads() }),
      (e) => {
        this.listener({ type: 'error', message: `cannot load the core: ${e?.message ?? e}`, fatal: true })
        this.wasm = null
      },
    )
    // Keep the rejection observable by callers without an unhandled-rejection warning.
    this.ready.catch(() => {})
    return this.ready
  }

  async analyze(inputs: InputFile[], options: ReportOptions = {}) {
    await this.warm()
    this.worker!.postMessage({ type: 'analyze', inputs, options })
  }

  // More exports for the report on screen (the worker keeps the ones already read).
  async add(inputs: InputFile[], options: ReportOptions = {}) {
    await this.warm()
    this.worker!.postMessage({ type: 'add', inputs, options })
  }

  async rerun(options: ReportOptions) {
    await this.warm()
    this.worker!.postMessage({ type: 'report', options })
  }

  // Stops whatever runs now; the imported data goes with the worker.
  cancel() {
    this.worker?.terminate()
    this.worker = null
    this.ready = null
    void this.warm().catch(() => {})
  }

  dispose() {
    this.worker?.terminate()
    this.worker = null
    this.ready = null
  }
}
