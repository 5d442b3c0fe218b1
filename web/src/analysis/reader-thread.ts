// A Blob stream read on a thread of its own, for the stream path (stream-blob.ts). Moving a
// stream's bytes from the browser into JavaScript takes the reading thread's time, and the
// analysis worker's thread is busy in the core: read there, the bytes arrive only while the
// core waits (measured: 63 MB in 4 MiB steps with 25 ms of work between, 150–230 ms of waiting
// read in the worker, 45 ms read by a second worker). Here a small worker reads the stream and
// transfers each chunk (no copy); it stays at most `credit` bytes ahead of what the analysis
// worker took, so memory stays bounded.

// The reader worker's whole program (a Blob URL: the app's CSP allows blob: workers).
const SOURCE = `
let current = null
onmessage = (e) => {
  const m = e.data
  if (m.type === 'open') {
    if (current) current.reader.cancel().catch(() => {})
    current = { id: m.id, reader: (m.offset ? m.blob.slice(m.offset) : m.blob).stream().getReader(), credit: m.credit, wake: null }
    pump(current)
  } else if (current && current.id === m.id) {
    if (m.type === 'credit') current.credit += m.bytes
    else { current.reader.cancel().catch(() => {}); current = null }
    if (current && current.wake) { current.wake(); current.wake = null }
  }
}
async function pump(s) {
  try {
    for (;;) {
      while (s.credit <= 0 && current === s) await new Promise((r) => (s.wake = r))
      if (current !== s) return
      const x = await s.reader.read()
      if (current !== s) return
      if (x.done) return postMessage({ id: s.id, done: true })
      s.credit -= x.value.length
      postMessage({ id: s.id, chunk: x.value }, [x.value.buffer])
    }
  } catch (e) {
    if (current === s) postMessage({ id: s.id, error: String((e && e.message) || e) })
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
  private stream: ThreadStream | null = null

  constructor(
    private readonly credit: number,
    makeWorker: (source: string) => Worker = (source) => new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' }))),
  ) {
    this.worker = makeWorker(SOURCE)
    this.worker.onmessage = (e: MessageEvent<FromReader>) => {
      if (this.stream && e.data.id === this.stream.id) this.stream.arrive(e.data)
    }
    // A thread that cannot run (never seen): its stream fails rather than hangs, and the next
    // inputs are read by the worker's own streams.
    this.worker.onerror = (e: ErrorEvent) => {
      this.failed = true
      this.stream?.arrive({ id: this.stream.id, error: `the reader thread failed (${e.message})` })
    }
  }
  private failed = false

  // One stream at a time (the core reads one input at a time): opening one gives up the last.
  open: OpenStream = (blob, offset) => {
    this.stream?.cancel()
    if (this.failed) return (offset ? blob.slice(offset) : blob).stream().getReader()
    const stream = new ThreadStream(++this.nextId, this.worker)
    this.stream = stream
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
    this.worker.postMessage({ type: 'close', id: this.id })
    for (const w of this.waiting.splice(0)) w({ id: this.id, done: true })
  }
}
