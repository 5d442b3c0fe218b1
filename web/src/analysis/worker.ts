// The analysis worker: the core (C++ compiled to WebAssembly) runs here so the
// page never freezes. The page compiles the .wasm once and hands the compiled
// module over, so a new worker (after Cancel) needs no network.
/// <reference lib="webworker" />
import createChatlensCore from '../wasm-gen/chatlens_core.js'
import { AnalysisEngine, errorText, localToday, type CoreModule } from './engine'
import { jspi, promisingImport, suspendWaitImport } from './jspi'
import { ReaderThread, type OpenStream } from './reader-thread'
import { READ_AHEAD, READ_CHUNK } from './stream-blob'
import type { FromWorker, ToWorker } from './protocol'
import { WarmUp } from './warm-up'

const post = (msg: FromWorker) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(msg)
let engine: AnalysisEngine | null = null
let queue: Promise<void> = Promise.resolve()
let warmUp: WarmUp | null = null

async function init(wasm: WebAssembly.Module, reads?: 'sync' | 'own') {
  // The core's reads wait for Blob streams where the browser has JSPI (jspi.ts), unless told not to.
  const api = reads === 'sync' ? null : jspi()
  let waits = false
  let exports: WebAssembly.Exports | null = null
  const core = (await createChatlensCore({
    instantiateWasm(imports: WebAssembly.Imports, done: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void) {
      waits = api !== null && suspendWaitImport(imports, api)
      WebAssembly.instantiate(wasm, imports).then((instance) => {
        exports = instance.exports
        done(instance, wasm)
      })
      return {}
    },
    onAbort(what: unknown) {
      post({ type: 'error', message: `the analysis stopped: ${String(what)}`, fatal: true })
    },
    locateFile: (path: string) => path,
    print: () => {},
    printErr: (text: string) => console.warn(text),
  })) as CoreModule
  if (api && waits && exports) core.importStaged = promisingImport(core, exports, api)
  // On the stream path the Files are read on a thread of their own, ahead of the core (reader-thread.ts).
  engine = new AnalysisEngine(core, post, undefined, undefined, core.importStaged && reads !== 'own' ? readerThread() : undefined)
  post({ type: 'ready', platforms: core.platforms() })
  // While the user chooses files (warm-up.ts); the first request from the page stops it.
  warmUp = new WarmUp(core, { today: localToday() })
}

// A reader thread, or none where a worker cannot start one (the worker's own streams then).
function readerThread(): OpenStream | undefined {
  try {
    return new ReaderThread(READ_AHEAD, READ_CHUNK).open
  } catch {
    return undefined
  }
}

async function handle(msg: ToWorker) {
  try {
    if (msg.type === 'init') await init(msg.wasm, msg.reads)
    else if (!engine) post({ type: 'error', message: 'the core is not loaded', fatal: true })
    else if (msg.type === 'analyze') await engine.analyze(msg.inputs, msg.options)
    else if (msg.type === 'add') await engine.add(msg.inputs, msg.options)
    else if (msg.type === 'report') engine.report(msg.options)
  } catch (e) {
    // A WebAssembly trap (out of memory, a bug) leaves the core unusable.
    const fatal = e instanceof WebAssembly.RuntimeError || /memory/i.test(errorText(e))
    post({ type: 'error', message: errorText(e), fatal })
  }
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  warmUp?.cancel()
  queue = queue.then(() => handle(event.data))
}
