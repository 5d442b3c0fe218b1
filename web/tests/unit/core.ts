// Loads the real core (web/src/wasm-gen, built by the CMake wasm preset) in Node.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CoreModule } from '../../src/analysis/engine'
import type { SliceReader } from '../../src/analysis/slices'

const dir = join(__dirname, '../../src/wasm-gen')
export const coreBuilt = existsSync(join(dir, 'chatlens_core.js')) && existsSync(join(dir, 'chatlens_core.wasm'))
if (!coreBuilt) console.warn('SKIPPING the tests that need the core: web/src/wasm-gen is missing (build the CMake wasm preset)')

export async function loadCore(): Promise<CoreModule> {
  const create = (await import(/* @vite-ignore */ join(dir, 'chatlens_core.js'))).default
  const wasm = await WebAssembly.compile(readFileSync(join(dir, 'chatlens_core.wasm')))
  return create({
    locateFile: (p: string) => p,
    instantiateWasm(imports: WebAssembly.Imports, done: (i: WebAssembly.Instance, m: WebAssembly.Module) => void) {
      WebAssembly.instantiate(wasm, imports).then((i) => done(i, wasm))
      return {}
    },
    print: () => {},
    printErr: () => {},
  })
}

// A small WhatsApp Android export: `owner` writes with each person on n days.
export function whatsappChat(owner: string, other: string, days = 60, start = Date.UTC(2024, 0, 1)): string {
  const lines: string[] = []
  for (let d = 0; d < days; d++) {
    const t = new Date(start + d * 86400000)
    const date = `${t.getUTCDate()}/${t.getUTCMonth() + 1}/${String(t.getUTCFullYear()).slice(2)}`
    lines.push(`${date}, 20:0${d % 10} - ${other}: hola ${d} 😂`)
    lines.push(`${date}, 20:1${d % 10} - ${owner}: qué tal ${d}`)
    lines.push(`${date}, 21:3${d % 10} - ${other}: genial`)
  }
  return lines.join('\n') + '\n'
}

// Node has no FileReaderSync: the tests' Blobs are made here and their bytes kept, so that the
// engine's synchronous reads (the core's read callback) can be served from them.
const contents = new WeakMap<Blob, Uint8Array>()

export function memoryBlob(content: string | Uint8Array): Blob {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content
  const blob = new Blob([bytes as BlobPart])
  contents.set(blob, bytes)
  return blob
}

export const readMemorySlice: SliceReader = (blob, start, end) => {
  const bytes = contents.get(blob)
  if (!bytes) throw new Error('readMemorySlice: not a memoryBlob')
  return bytes.slice(start, end)
}
