// A File read with a stream, ahead of the core (the JSPI path, js_input.hpp): before each of
// the core's reads the worker awaits wait(offset, n), which makes the bytes [offset, offset + n)
// available; the read that follows copies them synchronously (readInto, bytes).
//
// Sequential reads come from one `Blob.stream()` reader that keeps up to READ_AHEAD bytes
// requested past the furthest byte asked for, so the browser reads the next chunks while the
// core parses these (measured: a 946 MB Blob streamed in 2.1 s at a 339 MB peak, FileReaderSync
// slices 8–19 s and 559–720 MB: each slice is a new ArrayBuffer not freed during one import).
// Reads elsewhere (a zip's local header, a step back past what is kept, a jump) are one
// `blob.slice(a, b).arrayBuffer()` each; a long jump forward starts the stream over there.
// A read nothing made ready (never the case on the worker's path) falls back to `readSlice`.
import type { ChunkReader, OpenStream } from './reader-thread'
import { InputError, type SliceReader, type SliceStats } from './slices'

// Bytes requested from the stream past the furthest byte asked for (the core asks 4 MiB at a time).
export const READ_AHEAD = 4 << 20
// The size of the buffers a reader thread reads byte streams into, given back once done with
// (reader-thread.ts); about the size of the chunks Chromium's Blob streams give of themselves.
export const READ_CHUNK = 1 << 20
// Bytes kept behind the last read's start: a window that steps back to a record begun in the
// read before (the core reads 4 MiB at a time) re-reads nothing (Telegram 1.9 GB streamed
// 1944 MB with 1 MiB kept).
const KEEP_BEHIND = 4 << 20
// A read further than this past what the stream was asked for is a jump: a slice when it is
// shorter than this, else the stream starts over there.
const JUMP_BYTES = 1 << 20

export interface StreamOptions {
  readAhead?: number
  keepBehind?: number
  jumpBytes?: number
  // How a stream from an offset is opened: the Blob's own stream by default, or a reader thread's (reader-thread.ts).
  open?: OpenStream
}

const ownStream: OpenStream = (blob, offset) => (offset ? blob.slice(offset) : blob).stream().getReader()

export interface StreamStats extends SliceStats {
  // Milliseconds waiting for the stream and the slices; chunks and bytes the stream delivered.
  streamWait: number
  streamChunks: number
  streamBytes: number
}

export class StreamBlob {
  // The stream's chunks at hand, from blob offset `heldAt` to `streamAt` (where the stream is).
  private chunks: Uint8Array[] = []
  // Chunks a view of which was handed out (bytes()): never given back to the reader, whose next
  // read would overwrite them under that view.
  private lent = new Set<Uint8Array>()
  private heldAt = 0
  private streamAt = 0
  private reader: ChunkReader | null = null
  private inFlight = 0
  private ended = false
  // The stream's failure (kept until a read reports it), and who waits for its next chunk.
  private failure: InputError | null = null
  private waiters: (() => void)[] = []
  private wanted = 0 // the furthest byte asked for
  // The last read served apart from the stream.
  private side: Uint8Array = new Uint8Array(0)
  private sideAt = 0
  private sideError: InputError | null = null
  // Anything else that went wrong while waiting (a Blob that cannot be streamed): every read throws it.
  private broken: InputError | null = null

  constructor(
    private readonly blob: Blob,
    private readonly fallback: SliceReader,
    readonly size = blob.size,
    private readonly stats?: StreamStats,
    { readAhead = READ_AHEAD, keepBehind = KEEP_BEHIND, jumpBytes = JUMP_BYTES, open = ownStream }: StreamOptions = {},
  ) {
    this.readAhead = readAhead
    this.keepBehind = keepBehind
    this.jumpBytes = jumpBytes
    this.open = open
  }
  private readonly open: OpenStream
  private readonly readAhead: number
  private readonly keepBehind: number
  private readonly jumpBytes: number

  // Makes [offset, offset + n) available to the synchronous reads. Never rejects: an error is
  // kept and thrown by the read of those bytes (the core must not see a rejected promise).
  wait = async (offset: number, n: number): Promise<number> => {
    const end = Math.min(this.size, offset + n)
    if (end >= this.size && !this.lastAsked) {
      this.lastAsked = true
      const fn = this.onLastAsked
      this.onLastAsked = undefined
      fn?.()
    }
    if (end <= offset || this.held(offset, end) || this.inSide(offset, end)) {
      this.pump()
      return 0
    }
    const start = performance.now()
    try {
      if (this.reader && offset >= this.heldAt && offset < this.wanted + this.jumpBytes) await this.pull(offset, end)
      else if (this.reader && end - offset < this.jumpBytes) await this.readSide(offset, end)
      else {
        this.restart(offset)
        await this.pull(offset, end)
      }
    } catch (e) {
      this.broken ??= readError(offset, e)
    } finally {
      if (this.stats) this.stats.streamWait += performance.now() - start
    }
    return 0
  }

  // The bytes [offset, offset + length) as one array (fewer at the end of the blob).
  bytes(offset: number, length: number): Uint8Array {
    const end = Math.min(this.size, offset + length)
    if (end <= offset) return new Uint8Array(0)
    if (this.inSide(offset, end)) return this.side.subarray(offset - this.sideAt, end - this.sideAt)
    if (this.held(offset, end)) return this.copyHeld(offset, end)
    const failure = this.failureAt(offset)
    if (failure) throw failure
    const start = this.stats ? performance.now() : 0
    const slice = this.fallback(this.blob, offset, end)
    if (this.stats) {
      this.stats.fileRead += performance.now() - start
      this.stats.slices++
      this.stats.sliceBytes += slice.length
    }
    if (slice.length !== end - offset) throw new InputError('input.cannot_read', `read ${slice.length} bytes at byte ${offset}, expected ${end - offset}`)
    return slice
  }

  readInto = (offset: number, dst: Uint8Array): number => {
    const end = Math.min(this.size, offset + dst.length)
    // Straight from the stream's chunks into the destination: no 4 MiB array made per read.
    if (end > offset && !this.inSide(offset, end) && this.held(offset, end)) return this.copyHeld(offset, end, dst).length
    const piece = this.bytes(offset, dst.length)
    dst.set(piece)
    return piece.length
  }

  // Starts reading from the beginning before the core asks: the next input's first bytes
  // arrive while the core still reads the one before (500k WhatsApp in 10 files waited 150 ms
  // for the first chunks of each file). At most READ_AHEAD bytes are requested.
  prefetch(): void {
    if (this.reader || this.size === 0) return
    this.restart(0)
    // As a wait of the first byte would (it reads ahead as far), with no one awaiting it:
    // an error stays for the read that meets it.
    void this.pull(0, 1).catch(() => {})
  }

  // Calls `fn` once the core has asked for the input's last byte (now if it has): the engine
  // then starts the next input's stream while the core parses these bytes. Not on an event of
  // the stream: while the core runs, the worker's event loop does not.
  whenLastAsked(fn: () => void): void {
    if (this.lastAsked) fn()
    else this.onLastAsked = fn
  }
  private lastAsked = false
  private onLastAsked?: () => void

  // Stops the stream (an input done with, or one that failed).
  close(): void {
    for (const chunk of this.chunks) this.release(chunk)
    void this.reader?.cancel().catch(() => {})
    this.reader = null
    this.chunks = []
    this.lent.clear()
  }

  // A chunk done with goes back to the reader (reader-thread.ts: its buffer is read into again).
  private release(chunk: Uint8Array) {
    if (this.lent.delete(chunk)) return
    this.reader?.release?.(chunk)
  }

  private held(offset: number, end: number): boolean {
    return offset >= this.heldAt && end <= this.streamAt && this.reader !== null
  }

  private inSide(offset: number, end: number): boolean {
    return offset >= this.sideAt && end <= this.sideAt + this.side.length
  }

  private failureAt(offset: number): InputError | null {
    if (this.broken) return this.broken
    if (this.sideError && offset === this.sideAt) return this.sideError
    return this.failure && offset >= this.heldAt ? this.failure : null
  }

  private restart(offset: number) {
    this.close()
    this.reader = this.open(this.blob, offset)
    this.heldAt = this.streamAt = this.wanted = offset
    this.inFlight = 0
    this.ended = false
    this.failure = null
  }

  // Reads the stream until it holds `end`, dropping what lies more than KEEP_BEHIND behind `offset`.
  private async pull(offset: number, end: number) {
    this.wanted = Math.max(this.wanted, end)
    this.trim(offset)
    while (this.streamAt < end && !this.ended && !this.failure) {
      this.pump()
      await new Promise<void>((resolve) => this.waiters.push(resolve))
    }
    this.pump()
  }

  // Keeps read requests in flight until READ_AHEAD bytes past the furthest byte asked for are
  // requested (a request's size is the stream's; the last chunk's is the guess).
  private lastChunk = 64 << 10
  private pump() {
    const reader = this.reader
    if (!reader) return
    while (!this.ended && !this.failure && this.streamAt + this.inFlight * this.lastChunk < this.wanted + this.readAhead) {
      this.inFlight++
      reader.read().then(
        (r) => this.arrive(reader, r),
        (e) => this.fail(reader, e),
      )
    }
  }

  private arrive(reader: ChunkReader, r: ReadableStreamReadResult<Uint8Array>) {
    if (reader !== this.reader) return // a stream given up
    this.inFlight--
    if (r.done) this.ended = true
    else if (r.value.length) {
      this.chunks.push(r.value)
      this.streamAt += r.value.length
      this.lastChunk = r.value.length
      if (this.stats) {
        this.stats.streamChunks++
        this.stats.streamBytes += r.value.length
      }
    }
    this.wake()
  }

  private fail(reader: ChunkReader, e: unknown) {
    if (reader !== this.reader) return
    this.inFlight--
    this.failure ??= readError(this.streamAt, e)
    this.wake()
  }

  private wake() {
    const waiters = this.waiters
    this.waiters = []
    for (const w of waiters) w()
  }

  private trim(offset: number) {
    while (this.chunks.length && this.heldAt + this.chunks[0].length <= offset - this.keepBehind) {
      const chunk = this.chunks.shift()!
      this.heldAt += chunk.length
      this.release(chunk)
    }
  }

  // The held bytes [offset, end): a view when one chunk holds them, else copied into `into` (or a new array).
  private copyHeld(offset: number, end: number, into?: Uint8Array): Uint8Array {
    let pos = this.heldAt
    let i = 0
    while (pos + this.chunks[i].length <= offset) pos += this.chunks[i++].length
    const first = this.chunks[i]
    if (end <= pos + first.length && !into) {
      this.lent.add(first)
      return first.subarray(offset - pos, end - pos)
    }
    const out = into ? into.subarray(0, end - offset) : new Uint8Array(end - offset)
    let done = 0
    for (; done < out.length; i++) {
      const chunk = this.chunks[i]
      const from = Math.max(0, offset + done - pos)
      const piece = chunk.subarray(from, Math.min(chunk.length, from + out.length - done))
      out.set(piece, done)
      done += piece.length
      pos += chunk.length
    }
    return out
  }

  private async readSide(offset: number, end: number) {
    this.sideError = null
    try {
      this.side = new Uint8Array(await this.blob.slice(offset, end).arrayBuffer())
      this.sideAt = offset
      if (this.stats) {
        this.stats.slices++
        this.stats.sliceBytes += this.side.length
      }
    } catch (e) {
      this.side = new Uint8Array(0)
      this.sideAt = offset
      this.sideError = readError(offset, e)
    }
  }
}

function readError(offset: number, e: unknown): InputError {
  return new InputError('input.cannot_read', `reading at byte ${offset}: ${e instanceof Error ? e.message : String(e)}`)
}
