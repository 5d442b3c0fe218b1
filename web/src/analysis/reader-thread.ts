// A Blob stream read on a thread of its own, for the stream path (stream-blob.ts). Moving a
// stream's bytes from the browser into JavaScript takes the reading thread's time, and the
// analysis worker's thread is busy in the core: read there, the bytes arrive only while the
// core waits (measured: 63 MB in 4 MiB steps with 25 ms of work between, 150–230 ms of waiting
// read in the worker, 45 ms read by a second worker). Here a small worker reads the stream and
// transfers each chunk (no copy); it stays at most `credit` bytes ahead of what the analysis
// worker took, so memory stays bounded.
//
// Where the Blob's stream is a byte stream (Chromium's are), the thread reads into buffers of its
// own (a BYOB reader) and the analysis worker gives each chunk's buffer back once done with it
// (release): the next reads fill the same buffers. A chunk dropped instead stays allocated until
// the analysis worker's next garbage collection, which a worker that allocates little JavaScript
// runs seldom (measured with bench/renderer_memory.mjs: 15–24 MB of ArrayBuffers at the 500k
// analysis's high). The buffers go with the thread: it is ended once no stream has been open for
// a moment (IDLE_MS), and the next stream starts a new one. A buffer is freed by a garbage
// collection of the thread that holds it last, which an idle worker does not run: kept, or sent
// to the page, or detached with transfer(0), 8–10 MB stayed allocated after the 500k analysis.

// The reader worker's whole program (a Blob URL: the app's CSP allows blob: workers).
const SOURCE = `
const streams = new Map()
// Buffers given back, of the size the streams read into: the next reads fill them.
let pool = []
let size = 0
onmessage = (e) => {
  const m = e.data
  if (m.type === 'give') {
    if (m.buffer.byteLength === size) pool.push(m.buffer)
    return
  }
  if (m.type === 'open') {
    const stream = (m.offset ? m.blob.slice(m.offset) : m.blob).stream()
    let reader = null
    if (m.chunk !== size) pool = []
    size = m.chunk
    try {
      if (m.chunk) reader = stream.getReader({ mode: 'byob' })
    } catch {
      reader = null // not a byte stream: its own chunks
    }
    const s = { id: m.id, reader: reader || stream.getReader(), byob: !!reader, chunk: m.chunk, credit: m.credit, wake: null }
    streams.set(m.id, s)
    pump(s)
    return
  }
  const s = streams.get(m.id)
  if (!s) return
  if (m.type === 'credit') s.credit += m.bytes
  else {
    s.reader.cancel().catch(() => {})
    streams.delete(m.id)
  }
  if (s.wake) { s.wake(); s.wake = null }
}
// Reads one buffer full (a byte stream gives what it has at each read: 64–256 KB) and posts it:
// a buffer posted half full would hold twice its bytes. True at the stream's end.
async function fill(s, live) {
  let buffer = pool.pop() || new ArrayBuffer(s.chunk)
  let filled = 0
  let done = false
  while (filled < s.chunk) {
    const x = await s.reader.read(new Uint8Array(buffer, filled))
    if (!live()) return false
    if (x.value) buffer = x.value.buffer
    if (x.done) {
      done = true
      break
    }
    filled += x.value.length
  }
  if (filled) {
    s.credit -= filled
    postMessage({ id: s.id, chunk: new Uint8Array(buffer, 0, filled) }, [buffer])
  } else if (buffer.byteLength) pool.push(buffer)
  return done
}
async function pump(s) {
  const live = () => streams.get(s.id) === s
  try {
    for (;;) {
      while (s.credit <= 0 && live()) await new Promise((r) => (s.wake = r))
      if (!live()) return
      if (s.byob) {
        if (await fill(s, live)) return postMessage({ id: s.id, done: true })
        continue
      }
      const x = await s.reader.read()
      if (!live()) return
      if (x.done) return postMessage({ id: s.id, done: true })
      s.credit -= x.value.length
      postMessage({ id: s.id, chunk: x.value }, [x.value.buffer])
    }
  } catch (e) {
    if (live()) postMessage({ id: s.id, error: String((e && e.message) || e) })
  }
}
`

// What StreamBlob reads a stream through: a ReadableStream's default reader, or this thread's.
export interface ChunkReader {
  read(): Promise<ReadableStreamReadResult<Uint8Array>>
  cancel(): Promise<void>
  // A chunk read() gave, done with and referenced nowhere else: its buffer may be filled again.
  release?(chunk: Uint8Array): void
}
// idle: told when no stream will be opened for a while (the import is over): the reader ends now.
export type OpenStream = ((blob: Blob, offset: number) => ChunkReader) & { idle?: () => void }

type FromReader = { id: number; chunk?: Uint8Array; done?: boolean; error?: string }

// How long the reader thread stays with no stream open before it is ended: longer than the step
// from one input to the next (a zip's entries each open a stream of their own).
const IDLE_MS = 100

export class ReaderThread {
  private worker: Worker | null = null
  private nextId = 0
  // Open streams by id: the input being read, and the next one started ahead of it (engine.ts).
  private readonly streams = new Map<number, ThreadStream>()
  private idleTimer: ReturnType<typeof setTimeout> | undefined

  // credit: bytes the thread may read ahead of what was taken; chunk: the size of the buffers it
  // reads byte streams into (0: the stream's own chunks, none given back).
  constructor(
    private readonly credit: number,
    private readonly chunk: number,
    private readonly makeWorker: (source: string) => Worker = (source) => new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' }))),
  ) {
    this.start()
  }
  private failed = false

  private start(): Worker {
    const worker = this.makeWorker(SOURCE)
    this.worker = worker
    worker.onmessage = (e: MessageEvent<FromReader>) => {
      this.streams.get(e.data.id)?.arrive(e.data)
    }
    // A thread that cannot run (never seen): its stream fails rather than hangs, and the next
    // inputs are read by the worker's own streams.
    worker.onerror = (e: ErrorEvent) => {
      if (worker !== this.worker) return
      this.failed = true
      for (const stream of this.streams.values()) stream.arrive({ id: stream.id, error: `the reader thread failed (${e.message})` })
    }
    return worker
  }

  private closed(id: number) {
    this.streams.delete(id)
    if (this.streams.size) return
    clearTimeout(this.idleTimer)
    this.idleTimer = setTimeout(() => this.end(), IDLE_MS)
  }

  // Ends the thread if no stream is open (the next open starts a new one).
  private end() {
    if (this.streams.size || !this.worker) return
    clearTimeout(this.idleTimer)
    this.worker.terminate()
    this.worker = null
  }

  // Streams run side by side, each its credit ahead: the next input is started while the core reads this one.
  open: OpenStream = Object.assign(
    (blob: Blob, offset: number): ChunkReader => {
      if (this.failed) return (offset ? blob.slice(offset) : blob).stream().getReader()
      clearTimeout(this.idleTimer)
      const worker = this.worker ?? this.start()
      const stream = new ThreadStream(++this.nextId, worker, (id) => this.closed(id))
      this.streams.set(stream.id, stream)
      worker.postMessage({ type: 'open', id: stream.id, blob, offset, credit: this.credit, chunk: this.chunk })
      return stream
    },
    // The engine's import is over: the thread need not wait for IDLE_MS (its own timers wait
    // for the analysis worker, busy with the insights next).
    { idle: () => this.end() },
  )
}

class ThreadStream implements ChunkReader {
  private arrived: FromReader[] = []
  private waiting: ((r: FromReader) => void)[] = []
  private closed = false

  constructor(
    readonly id: number,
    private readonly worker: Worker,
    private readonly onClose: (id: number) => void,
  ) {}

  arrive(m: FromReader) {
    const w = this.waiting.shift()
    if (w) w(m)
    else this.arrived.push(m)
  }

  async read(): Promise<ReadableStreamReadResult<Uint8Array>> {
    if (this.closed) return { done: true, value: undefined }
    const m = this.arrived.shift() ?? (await new Promise<FromReader>((resolve) => this.waiting.push(resolve)))
    if (m.error !== undefined) throw new Error(m.error)
    if (!m.chunk) return { done: true, value: undefined }
    // Taken: the reader may go that much further ahead.
    this.worker.postMessage({ type: 'credit', id: this.id, bytes: m.chunk.length })
    return { done: false, value: m.chunk }
  }

  // Back to the thread, whose next reads fill it (a chunk of a stream read into buffers of the
  // thread's own: the whole buffer; any other is left to the garbage collector).
  release(chunk: Uint8Array): void {
    const buffer = chunk.buffer
    if (chunk.byteOffset !== 0 || !(buffer instanceof ArrayBuffer) || buffer.byteLength === 0) return
    this.worker.postMessage({ type: 'give', buffer }, [buffer])
  }

  async cancel(): Promise<void> {
    if (this.closed) return
    this.closed = true
    this.onClose(this.id)
    this.worker.postMessage({ type: 'close', id: this.id })
    for (const w of this.waiting.splice(0)) w({ id: this.id, done: true })
  }
}
