// The hand-made JSPI wiring (jspi.ts): which import is wrapped in Suspending, which export in
// promising, and the "?reads=sync" switch. The browser e2e (stream-reads.mjs) runs it for real.
import { describe, expect, it } from 'vitest'
import type { CoreModule } from '../../src/analysis/engine'
import { forcedReads, promisingImport, suspendWaitImport } from '../../src/analysis/jspi'

// A stand-in for WebAssembly's JSPI API that records what it wraps.
function fakeApi() {
  const wrapped: unknown[] = []
  class Suspending {
    constructor(readonly fn: unknown) {
      wrapped.push(fn)
    }
  }
  const promising = (fn: (...args: never[]) => unknown) => async () => (fn as () => unknown)()
  return { api: { Suspending, promising }, wrapped }
}

describe('JSPI wiring', () => {
  it('wraps only the import whose source calls chatlensWait (the names are minified)', () => {
    const { api, wrapped } = fakeApi()
    // The glue's EM_JS function, as emscripten writes it (Emval is the glue's).
    const wait = new Function('read', 'offset', 'n', 'return Emval.toValue(read).chatlensWait(offset, n)')
    const read = () => 0
    const imports = { a: { K: read, L: wait } }
    expect(suspendWaitImport(imports, api)).toBe(true)
    expect(wrapped).toEqual([wait])
    expect(imports.a.K).toBe(read)
    expect(imports.a.L).toBeInstanceOf(api.Suspending)
    expect(suspendWaitImport({ a: { K: read } }, api)).toBe(false)
  })

  it('wraps the export itself, found by the glue wrapper replacing itself on its first call', async () => {
    const { api } = fakeApi()
    const raw = () => 7
    const glue: Record<string, unknown> = {}
    glue._chatlens_import_staged = () => {
      glue._chatlens_import_staged = raw
      return raw()
    }
    const run = promisingImport(glue as unknown as CoreModule, { X: raw }, api)
    expect(run).toBeTypeOf('function')
    await expect(run!()).resolves.toBe(7)
    // No such export, or a wrapper that stays a wrapper: no stream path.
    expect(promisingImport({} as CoreModule, { X: raw }, api)).toBeUndefined()
    expect(promisingImport({ _chatlens_import_staged: () => 0 } as unknown as CoreModule, { X: raw }, api)).toBeUndefined()
  })

  it('keeps FileReaderSync when the address says ?reads=sync', () => {
    expect(forcedReads('?reads=sync')).toEqual({ reads: 'sync' })
    expect(forcedReads('?reads=own')).toEqual({ reads: 'own' })
    expect(forcedReads('?reads=fast')).toEqual({})
    expect(forcedReads('?lang=es')).toEqual({})
    expect(forcedReads('')).toEqual({})
  })
})
