// Zip archives read piece by piece: the central directory from the end of the
// file; each chosen entry is then read by the core as it imports it (zip-entry-input.ts,
// inflated with fflate chunk by chunk), so a large export is never whole in memory.
// Which entries are chats is decided by the core (planChatEntries, the native command's rule).

export interface RandomAccess {
  readonly size: number
  read(offset: number, length: number): Promise<Uint8Array>
}

export function blobAccess(blob: Blob): RandomAccess {
  return {
    size: blob.size,
    async read(offset, length) {
      return new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer())
    },
  }
}

export function bytesAccess(bytes: Uint8Array): RandomAccess {
  return {
    size: bytes.length,
    async read(offset, length) {
      return bytes.subarray(offset, Math.min(bytes.length, offset + length))
    },
  }
}

export interface ZipEntry {
  name: string
  method: number // 0 stored, 8 deflate
  flags: number
  compressedSize: number
  size: number
  localHeaderOffset: number
}

export class ZipError extends Error {}

const EOCD = 0x06054b50
const ZIP64_LOCATOR = 0x07064b50
const ZIP64_EOCD = 0x06064b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50

export function looksLikeZip(head: Uint8Array): boolean {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && ((head[2] === 3 && head[3] === 4) || (head[2] === 5 && head[3] === 6))
}

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8)
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0
const u64 = (b: Uint8Array, o: number) => u32(b, o) + u32(b, o + 4) * 2 ** 32

function decodeName(bytes: Uint8Array, utf8Flag: boolean): string {
  try {
    return new TextDecoder('utf-8', { fatal: !utf8Flag }).decode(bytes)
  } catch {
    // Old archivers wrote CP437; Latin-1 keeps ASCII names (all that matters here) intact.
    return new TextDecoder('latin1').decode(bytes)
  }
}

// The central directory is read this much at a time: an archive of many photos has a
// directory of megabytes, and one that claims gigabytes must not become one read.
const DIRECTORY_WINDOW = 1 << 20

// Bytes of [start, end) of the archive through a window that moves forward.
class Window {
  private buf: Uint8Array = new Uint8Array(0)
  private at = 0

  constructor(
    private readonly src: RandomAccess,
    private readonly end: number,
    private readonly size: number,
  ) {}

  // The window, holding at least [offset, offset + n) (fewer only at `end`), and where it starts.
  async hold(offset: number, n: number): Promise<{ buf: Uint8Array; at: number }> {
    if (offset < this.at || offset + n > this.at + this.buf.length) {
      this.buf = await this.src.read(offset, Math.min(this.end - offset, Math.max(n, this.size)))
      this.at = offset
    }
    return { buf: this.buf, at: this.at }
  }
}

export async function readCentralDirectory(src: RandomAccess, window = DIRECTORY_WINDOW): Promise<ZipEntry[]> {
  const tailLength = Math.min(src.size, 22 + 65535)
  if (tailLength < 22) throw new ZipError('too short to be a zip archive')
  const tailStart = src.size - tailLength
  const tail = await src.read(tailStart, tailLength)
  let eocd = -1
  for (let i = tail.length - 22; i >= 0; i--) {
    if (u32(tail, i) === EOCD) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw new ZipError('no end of central directory record (truncated or not a zip archive)')
  let count = u16(tail, eocd + 10)
  let cdSize = u32(tail, eocd + 12)
  let cdOffset = u32(tail, eocd + 16)
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20
    if (loc < 0 || u32(tail, loc) !== ZIP64_LOCATOR) throw new ZipError('zip64 archive without its locator')
    const recOffset = u64(tail, loc + 8)
    const rec = await src.read(recOffset, 56)
    if (rec.length < 56 || u32(rec, 0) !== ZIP64_EOCD) throw new ZipError('broken zip64 end of central directory')
    count = u64(rec, 32)
    cdSize = u64(rec, 40)
    cdOffset = u64(rec, 48)
  }
  if (cdOffset + cdSize > src.size) throw new ZipError('central directory outside the file (truncated archive)')
  const directory = new Window(src, cdOffset + cdSize, window)
  const entries: ZipEntry[] = []
  let next = cdOffset // the next entry's offset in the archive
  for (let i = 0; i < count; i++) {
    let { buf: cd, at } = await directory.hold(next, 46)
    let p = next - at
    if (p + 46 > cd.length || u32(cd, p) !== CENTRAL) throw new ZipError('broken central directory entry')
    const length = 46 + u16(cd, p + 28) + u16(cd, p + 30) + u16(cd, p + 32)
    ;({ buf: cd, at } = await directory.hold(next, length))
    p = next - at
    if (p + length > cd.length) throw new ZipError('broken central directory entry')
    const flags = u16(cd, p + 8)
    const method = u16(cd, p + 10)
    let compressedSize = u32(cd, p + 20)
    let size = u32(cd, p + 24)
    const nameLen = u16(cd, p + 28)
    const extraLen = u16(cd, p + 30)
    const commentLen = u16(cd, p + 32)
    let localHeaderOffset = u32(cd, p + 42)
    const name = decodeName(cd.subarray(p + 46, p + 46 + nameLen), (flags & 0x800) !== 0)
    // Zip64 extra field: only the fields whose 32-bit value is saturated, in this order.
    let e = p + 46 + nameLen
    const extraEnd = e + extraLen
    while (e + 4 <= extraEnd) {
      const id = u16(cd, e)
      const len = u16(cd, e + 2)
      if (id === 0x0001) {
        let f = e + 4
        if (size === 0xffffffff) ((size = u64(cd, f)), (f += 8))
        if (compressedSize === 0xffffffff) ((compressedSize = u64(cd, f)), (f += 8))
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = u64(cd, f)
      }
      e += 4 + len
    }
    entries.push({ name, method, flags, compressedSize, size, localHeaderOffset })
    next += length
  }
  return entries
}

// The same limits as the native command (native/input_limits.hpp, docs/limits.md):
// an entry may inflate to at most maxInputBytes, and once past ratioFloorBytes to
// at most maxZipRatio times its compressed size; a zip bomb is refused early.
export interface InputLimits {
  maxInputBytes: number
  maxZipRatio: number
  ratioFloorBytes?: number // below this an entry is never refused for its ratio (default 32 MiB)
}
export const DEFAULT_LIMITS: InputLimits = { maxInputBytes: 4 * 2 ** 30, maxZipRatio: 100 }
export const RATIO_FLOOR_BYTES = 32 << 20

const MIB = 2 ** 20
const describeSize = (n: number) =>
  n % 2 ** 30 === 0 ? `${n / 2 ** 30} GiB` : n % MIB === 0 ? `${n / MIB} MiB` : n % 1024 === 0 ? `${n / 1024} KiB` : `${n} bytes`

// Throws when `inflated` bytes of an entry of `compressed` bytes break a limit.
export function checkInflated(inflated: number, compressed: number, limits: InputLimits = DEFAULT_LIMITS): void {
  if (inflated > limits.maxInputBytes) throw new ZipError(`inflates to more than the input size limit of ${describeSize(limits.maxInputBytes)}`)
  if (inflated > (limits.ratioFloorBytes ?? RATIO_FLOOR_BYTES) && inflated / Math.max(compressed, 1) >= limits.maxZipRatio)
    throw new ZipError(
      `compressed more than ${limits.maxZipRatio}:1, which no chat export is (a zip bomb?); refused after ${describeSize(Math.floor(inflated / MIB) * MIB)}`,
    )
}

// Where an entry's data starts, from its local header (the 30 bytes at localHeaderOffset).
export function localDataStart(header: Uint8Array, entry: ZipEntry): number {
  if (header.length < 30 || u32(header, 0) !== LOCAL) throw new ZipError('broken local header')
  return entry.localHeaderOffset + 30 + u16(header, 26) + u16(header, 28)
}
