/// <reference lib="webworker" />
// Synchronous reads of an input's bytes, for the core's read callback (Session.addInput):
// the core asks for bytes in the middle of an import and cannot wait for a promise, so
// the worker reads File slices with FileReaderSync (dedicated workers have it). Each read
// copies once, from the slice into the destination (a view of WebAssembly memory).

// The bytes [start, end) of a Blob, synchronously. Injected: Node (the unit tests) has no FileReaderSync.
export type SliceReader = (blob: Blob, start: number, end: number) => Uint8Array

let reader: FileReaderSync | null = null
export const fileReaderSync: SliceReader = (blob, start, end) => {
  reader ??= new FileReaderSync()
  return new Uint8Array(reader.readAsArrayBuffer(blob.slice(start, end)))
}

// An input that cannot be read: `key` is an input.* key of the catalogues, the message its detail.
export class InputError extends Error {
  constructor(
    readonly key: string,
    message: string,
  ) {
    super(message)
  }
}

// Fills `dst` with the input's bytes from `offset` and returns how many it copied (fewer only at the end).
export type ReadInto = (offset: number, dst: Uint8Array) => number

// A Blob's bytes read synchronously: SyncBlob (FileReaderSync), or StreamBlob (stream-blob.ts)
// once its `wait` made them ready.
export interface BlobBytes {
  readonly size: number
  bytes(offset: number, length: number): Uint8Array
  readInto: ReadInto
  // Makes [offset, offset + n) ready for the synchronous reads (never rejects); absent when they need no waiting.
  wait?: (offset: number, n: number) => Promise<number>
}

// Big reads go straight from the slice to the destination, at most `MAX_SLICE` at a time (a
// whole-input read never becomes one huge ArrayBuffer); small ones are served from the last
// `SMALL_SLICE` read, kept for the next (the core's small steps never re-read the file).
// Each slice is a new ArrayBuffer that the worker cannot free before the import returns to
// the event loop: 1 MB slices measured a lower renderer peak than 8 MB ones (web_bench, Telegram 1 GB).
const MAX_SLICE = 1 << 20
const SMALL_SLICE = 1 << 20

// What the slices cost: how many, their bytes, and the milliseconds spent reading them.
export interface SliceStats {
  slices: number
  sliceBytes: number
  fileRead: number
}

export class SyncBlob implements BlobBytes {
  private cache: Uint8Array = new Uint8Array(0)
  private cacheAt = 0

  constructor(
    private readonly blob: Blob,
    private readonly readSlice: SliceReader,
    readonly size = blob.size,
    private readonly stats?: SliceStats,
  ) {}

  // The bytes [offset, offset + length) as a new array (fewer at the end of the blob).
  bytes(offset: number, length: number): Uint8Array {
    const end = Math.min(this.size, offset + length)
    if (end <= offset) return new Uint8Array(0)
    const start = this.stats ? performance.now() : 0
    const slice = this.readSlice(this.blob, offset, end)
    if (this.stats) {
      this.stats.fileRead += performance.now() - start
      this.stats.slices++
      this.stats.sliceBytes += slice.length
    }
    if (slice.length !== end - offset) throw new InputError('input.cannot_read', `read ${slice.length} bytes at byte ${offset}, expected ${end - offset}`)
    return slice
  }

  readInto: ReadInto = (offset, dst) => {
    let done = 0
    while (done < dst.length && offset + done < this.size) {
      const at = offset + done
      const want = dst.length - done
      const cached = at >= this.cacheAt ? this.cacheAt + this.cache.length - at : 0
      let piece: Uint8Array
      if (cached > 0) piece = this.cache.subarray(at - this.cacheAt, at - this.cacheAt + Math.min(want, cached))
      else if (want < SMALL_SLICE) {
        this.cache = this.bytes(at, SMALL_SLICE)
        this.cacheAt = at
        continue
      } else piece = this.bytes(at, Math.min(want, MAX_SLICE))
      dst.set(piece, done)
      done += piece.length
    }
    return done
  }
}
