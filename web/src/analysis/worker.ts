// The analysis worker: the core (C++ compiled to WebAssembly) runs here so the
// page never freezes. The page compiles the .wasm once and hands the compiled
// module over, so a new worker (after Cancel) needs no network.
/// <reference lib="webworker" />
import createChatlensCore from '../wasm-gen/chatlens_core.js'
import { AnalysisEngine, errorText, localToday, type CoreModule } from './engine'
import type { FromWorker, ToWorker } from './protocol'

const post = (msg: FromWorker) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(msg)
let engine: AnalysisEngine | null = null
let queue: Promise<void> = Promise.resolve()

async function init(wasm: WebAssembly.Module) {
  const core = (await createChatlensCore({
    instantiateWasm(imports: WebAssembly.Imports, done: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void) {
      WebAssembly.instantiate(wasm, imports).then((instance) => done(instance, wasm))
      return {}
    },
    onAbort(what: unknown) {
      post({ type: 'error', message: `the analysis stopped: ${String(what)}`, fatal: true })
    },
    locateFile: (path: string) => path,
    print: () => {},
    printErr: (text: string) => console.warn(text),
  })) as CoreModule
  engine = new AnalysisEngine(core, post)
  post({ type: 'ready', platforms: core.platforms() })
  warmUp(core)
}

// The core builds some tables (emoji, stopwords, sentiment) on first use: do it
// now, on a tiny made-up chat, while the user is still reading the page.
function warmUp(core: CoreModule) {
  try {
    const lines: string[] = []
    for (let d = 1; d <= 28; d++) lines.push(`${d}/1/24, 21:0${d % 10} - A: hola 😂 qué tal ${d}`, `${d}/1/24, 21:1${d % 10} - B: bien, gracias 👍 see you`)
    const bytes = new TextEncoder().encode(lines.join('\n'))
    const session = new core.Session(() => {}, localToday())
    session.addInput('warm-up.txt', bytes.length, '', (offset, ptr, n) => {
      const piece = bytes.subarray(offset, offset + n)
      core.HEAPU8.set(piece, ptr)
      return piece.length
    })
    session.finish()
    session.report({ me: 'A' })
    session.delete()
  } catch {
    /* only an optimisation */
  }
}

async function handle(msg: ToWorker) {
  try {
    if (msg.type === 'init') await init(msg.wasm)
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
  queue = queue.then(() => handle(event.data))
}
