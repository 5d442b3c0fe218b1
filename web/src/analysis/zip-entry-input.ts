// One zip entry as an input the core reads in pieces (Session.addInput): a stored entry is
// a range of the archive; a deflated one is inflated with fflate's synchronous Inflate as
// the reads go forward, the inflater's state kept between reads. Only the last few MiB of
// output stay at hand, so an earlier offset than those starts the entry over.
//
// The limits of the native command hold (zip.ts, checkInflated): a bomb is refused while it
// inflates. The declared size is what the core is told the entry holds, and it is checked:
// an entry that inflates to fewer or more bytes is an error, never a silent cut; a size no
// honest entry could have (past the ratio limit) is measured by inflating once first.
import { Inflate } from 'fflate'
import type { BlobBytes } from './slices'
import { checkInflated, DEFAULT_LIMITS, localDataStart, RATIO_FLOOR_BYTES, ZipError, type InputLimits, type ZipEntry } from './zip'

export interface EntryOptions {
  limits?: InputLimits
  // What the archive's earlier entries inflated to: the whole archive is held to the limits too.
  inflatedBefore?: number
  // Inflated bytes kept behind the furthest read (tests make it small).
  keepBytes?: number
}

// Compressed bytes read from the archive at a time, and handed to the inflater at a time:
// deflate expands at most ~1032:1, so one push yields at most ~66 MB before the limits are checked.
const COMPRESSED_BLOCK = 4 << 20
const PUSH_BYTES = 64 << 10
// Inflated bytes kept behind the current read: a read that steps back this far costs no
// restart (the core's sniffing and a second pass from the start of a small input).
const KEEP_BYTES = 8 << 20

// Whether an entry could inflate to its declared size within the limits (else it is a lie, or a bomb).
function plausible(entry: ZipEntry, limits: InputLimits): boolean {
  const floor = limits.ratioFloorBytes ?? RATIO_FLOOR_BYTES
  return entry.size <= limits.maxInputBytes && (entry.size <= floor || entry.size / Math.max(entry.compressedSize, 1) < limits.maxZipRatio)
}

export class ZipEntryInput {
  readonly size: number
  private readonly start: number
  private readonly end: number
  private readonly limits: InputLimits
  private readonly inflatedBefore: number
  private readonly keepBytes: number
  // How often the entry was inflated again from its start (for tests and benchmarks).
  restarts = -1
  // Deflate state: the next compressed byte, the block of the archive it is in, the
  // output kept (from uncompressed offset `keptAt`) and how much came out so far.
  private inflater: Inflate | null = null
  private next = 0
  private block: Uint8Array = new Uint8Array(0)
  private blockAt = 0
  private kept: Uint8Array[] = []
  private keptAt = 0
  private produced = 0
  private finished = false
  private counting = false

  constructor(
    private readonly archive: BlobBytes,
    private readonly entry: ZipEntry,
    { limits = DEFAULT_LIMITS, inflatedBefore = 0, keepBytes = KEEP_BYTES }: EntryOptions = {},
  ) {
    if (entry.flags & 1) throw new ZipError('encrypted zip entries cannot be read')
    if (entry.method !== 0 && entry.method !== 8) throw new ZipError(`unsupported compression method ${entry.method}`)
    this.limits = limits
    this.inflatedBefore = inflatedBefore
    this.keepBytes = keepBytes
    this.start = localDataStart(archive.bytes(entry.localHeaderOffset, 30), entry)
    this.end = this.start + entry.compressedSize
    if (this.end > archive.size) throw new ZipError('entry runs past the end of the file (truncated archive)')
    if (entry.method === 0) {
      // Stored: the bytes are the range, whatever size the directory claims.
      this.size = entry.compressedSize
      this.check(this.size)
    } else if (plausible(entry, limits)) {
      this.size = entry.size
    } else {
      this.size = this.measure()
    }
    this.restart()
    this.restarts = 0
  }

  // How many bytes the entry inflated to at most, for the archive's running total.
  get inflated(): number {
    return this.entry.method === 0 ? this.size : Math.max(this.produced, this.size)
  }

  // Fills `dst` from `offset` (never past `size`) and returns the count.
  readInto = (offset: number, dst: Uint8Array): number => {
    if (this.failed) throw this.failed
    const want = Math.max(0, Math.min(dst.length, this.size - offset))
    if (this.entry.method === 0) return this.archive.readInto(this.start + offset, dst.subarray(0, want))
    if (offset < this.keptAt) this.restart()
    let done = 0
    while (done < want) {
      const at = offset + done
      this.trim(at)
      const copied = this.copyKept(at, dst.subarray(done, want))
      if (copied > 0) done += copied
      else if (this.finished) throw new ZipError(`inflates to ${this.produced} bytes, not the ${this.size} its archive declares`)
      else this.pushMore()
    }
    if (offset + done === this.size) this.checkEnd()
    return done
  }

  // Makes [offset, offset + n) ready for readInto when the archive's reads wait (a stream):
  // inflates up to there, awaiting each compressed block first. Never rejects: an error is
  // kept and thrown by the next readInto (the core must not see a rejected promise).
  wait = async (offset: number, n: number): Promise<number> => {
    const wait = this.archive.wait
    if (!wait) return 0
    const end = Math.min(this.size, offset + n)
    if (this.entry.method === 0) return wait(this.start + offset, end - offset)
    try {
      if (offset < this.keptAt) this.restart()
      this.trim(offset)
      // At the declared end the entry must end too (checkEnd): inflate until it does.
      while (!this.finished && (this.produced < end || end === this.size) && this.produced <= this.size) {
        if (this.next >= this.end) break
        if (this.next < this.blockAt || this.next >= this.blockAt + this.block.length) {
          const length = Math.min(COMPRESSED_BLOCK, this.end - this.next)
          await wait(this.next, length)
          this.block = this.archive.bytes(this.next, length)
          this.blockAt = this.next
        }
        this.pushMore()
      }
    } catch (e) {
      this.failed = e
    }
    return 0
  }

  private failed: unknown = null

  private restart() {
    if (this.entry.method === 0) return
    this.restarts++
    this.inflater = new Inflate((data, final) => {
      if (data.length) {
        this.produced += data.length
        this.check(this.produced)
        if (!this.counting) this.kept.push(data)
      }
      if (final) this.finished = true
    })
    this.next = this.start
    this.kept = []
    this.keptAt = 0
    this.produced = 0
    this.finished = this.start === this.end
  }

  private measure(): number {
    this.restart()
    this.counting = true
    while (!this.finished) this.pushMore()
    this.counting = false
    return this.produced
  }

  // The limits on what came out so far: this entry's and the archive's.
  private check(inflated: number) {
    checkInflated(inflated, this.entry.compressedSize, this.limits)
    if (this.inflatedBefore) checkInflated(this.inflatedBefore + inflated, this.archive.size, this.limits)
  }

  private pushMore() {
    if (this.next >= this.end) throw new ZipError('compressed data ends early (truncated archive)')
    if (this.next < this.blockAt || this.next >= this.blockAt + this.block.length) {
      this.block = this.archive.bytes(this.next, Math.min(COMPRESSED_BLOCK, this.end - this.next))
      this.blockAt = this.next
    }
    const from = this.next - this.blockAt
    const piece = this.block.subarray(from, Math.min(this.block.length, from + PUSH_BYTES))
    this.next += piece.length
    try {
      this.inflater!.push(piece, this.next >= this.end)
    } catch (e) {
      if (e instanceof ZipError) throw e
      throw new ZipError(`corrupt compressed data (${e instanceof Error ? e.message : String(e)})`)
    }
    if (this.next >= this.end && !this.finished) throw new ZipError('compressed data ends early (truncated archive)')
  }

  // Drops the output more than keepBytes behind `at`.
  private trim(at: number) {
    while (this.kept.length && this.keptAt + this.kept[0].length <= at - this.keepBytes) this.keptAt += this.kept.shift()!.length
  }

  private copyKept(at: number, dst: Uint8Array): number {
    let pos = this.keptAt
    for (const chunk of this.kept) {
      if (at < pos + chunk.length) {
        const piece = chunk.subarray(at - pos, Math.min(chunk.length, at - pos + dst.length))
        dst.set(piece)
        return piece.length
      }
      pos += chunk.length
    }
    return 0
  }

  // At the declared end, the entry must end too.
  private checkEnd() {
    while (!this.finished && this.produced <= this.size) this.pushMore()
    if (this.produced > this.size) throw new ZipError(`inflates to more than the ${this.size} bytes its archive declares`)
  }
}
