// A Blob stream read on a thread of its own, for the stream path (stream-blob.ts). Moving a
// stream's bytes from the browser into JavaScript takes the reading thread's time, and the
// analysis worker's thread is busy in the core: read there, the bytes arrive only while the
// core waits (measured: 63 MB in 4 MiB steps with 25 ms of work between, 150–230 ms of waiting
// read in the worker, 45 ms read by a second worker). Here a small worker reads the stream and
// transfers each chunk (no copy); it stays at most `credit` bytes ahead of what the analysis
// worker took, so memory stays bounded.

// The reader worker's whole program (a Blob URL: the app's CSP allows blob: workers).
const SOURCE = `
const streams = new Map()
onmessage = (e) => {
  const m = e.data
  if (m.type === 'open') {
    const s = { id: m.id, reader: (m.offset ? m.blob.slice(m.offset) : m.blob).stream().getReader(), credit: m.credit, wake: null }
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
async function pump(s) {
  const live = () => streams.get(s.id) === s
  try {
    for (;;) {
      while (s.credit <= 0 && live()) await new Promise((r) => (s.wake = r))
      if (!live()) return
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
}
export type OpenStream = (blob: Blob, offset: number) => ChunkReader

type FromReader = { id: number; chunk?: Uint8Array; done?: boolean; error?: string }

export class ReaderThread {
  private readonly worker: Worker
  private nextId = 0
  // Open streams by id: the input being read, and the next one started ahead of it (engine.ts).
  private readonly streams = new Map<number, ThreadStream>()

  constructor(
    private readonly credit: number,
    makeWorker: (source: string) => Worker = (source) => new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' }))),
  ) {
    this.worker = makeWorker(SOURCE)
    this.worker.onmessage = (e: MessageEvent<FromReader>) => {
      this.streams.get(e.data.id)?.arrive(e.data)
    }
    // A thread that cannot run (never seen): its stream fails rather than hangs, and the next
    // inputs are read by the worker's own streams.
    this.worker.onerror = (e: ErrorEvent) => {
      this.failed = true
      for (const stream of this.streams.values()) stream.arrive({ id: stream.id, error: `the reader thread failed (${e.message})` })
    }
  }
  private failed = false

  // Streams run side by side, each its credit ahead: the next input is started while the core reads this one.
  open: OpenStream = (blob, offset) => {
    if (this.failed) return (offset ? blob.slice(offset) : blob).stream().getReader()
    const stream = new ThreadStream(++this.nextId, this.worker, (id) => this.streams.delete(id))
    this.streams.set(stream.id, stream)
    this.worker.postMessage({ type: 'open', id: stream.id, blob, offset, credit: this.credit })
    return stream
  }
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

  async cancel(): Promise<void> {
    if (this.closed) return
    this.closed = true
    this.onClose(this.id)
    this.worker.postMessage({ type: 'close', id: this.id })
    for (const w of this.waiting.splice(0)) w({ id: this.id, done: true })
  }
}
