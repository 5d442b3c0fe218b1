// JSPI (JavaScript Promise Integration) for the core's reads, wired by hand: Debian's
// Emscripten 3.1.6 knows nothing of it. Where the browser has WebAssembly.Suspending and
// WebAssembly.promising, the core's waiting import (chatlens_js_wait, web/wasm/js_input.hpp)
// is wrapped in Suspending before instantiation, and its export chatlens_import_staged in
// promising after: an input's reads then wait for a Blob stream (stream-blob.ts) with the
// core's stack suspended. Elsewhere (Firefox, Safari, or reads forced to "sync") nothing is
// wrapped and the inputs are read with FileReaderSync, as before.
import type { CoreModule } from './engine'

interface Jspi {
  Suspending: new (fn: (...args: never[]) => unknown) => unknown
  promising: (fn: (...args: never[]) => unknown) => (...args: unknown[]) => Promise<unknown>
}

// WebAssembly with JSPI, or null.
export function jspi(): Jspi | null {
  const wasm = WebAssembly as unknown as Partial<Jspi>
  return typeof wasm.Suspending === 'function' && typeof wasm.promising === 'function' ? (wasm as Jspi) : null
}

// Wraps the core's waiting import in WebAssembly.Suspending. The import names are minified,
// so the import is the function whose source calls `chatlensWait` (the EM_JS body). Returns
// whether it was found.
export function suspendWaitImport(imports: WebAssembly.Imports, api: Jspi): boolean {
  for (const module of Object.values(imports)) {
    for (const [name, value] of Object.entries(module)) {
      if (typeof value === 'function' && String(value).includes('chatlensWait')) {
        ;(module as Record<string, unknown>)[name] = new api.Suspending(value as (...args: never[]) => unknown)
        return true
      }
    }
  }
  return false
}

// The export chatlens_import_staged as a function returning a promise, or undefined when the
// module has none. The glue's Module._chatlens_import_staged calls the export through a JS
// frame (which JSPI refuses) until its first call, which puts the export itself in its place:
// that first call, with nothing staged, does nothing but that.
export function promisingImport(core: CoreModule, exports: WebAssembly.Exports, api: Jspi): (() => Promise<number>) | undefined {
  const glue = core as unknown as { _chatlens_import_staged?: () => number }
  if (typeof glue._chatlens_import_staged !== 'function') return undefined
  glue._chatlens_import_staged()
  const raw = glue._chatlens_import_staged
  if (!Object.values(exports).includes(raw)) return undefined
  return api.promising(raw as (...args: never[]) => unknown) as () => Promise<number>
}

// How the page's address can choose the reads (the e2e and the bench compare them): "?reads=sync"
// keeps FileReaderSync; "?reads=own" streams without the reader thread (reader-thread.ts).
export type ReadsChoice = 'sync' | 'own'
export function forcedReads(search: string = globalThis.location?.search ?? ''): { reads?: ReadsChoice } {
  const reads = new URLSearchParams(search).get('reads')
  return reads === 'sync' || reads === 'own' ? { reads } : {}
}
