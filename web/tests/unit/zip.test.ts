import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { SyncBlob } from '../../src/analysis/slices'
import { bytesAccess, checkInflated, looksLikeZip, readCentralDirectory, ZipError, type ZipEntry } from '../../src/analysis/zip'
import { ZipEntryInput, type EntryOptions } from '../../src/analysis/zip-entry-input'
import { memoryBlob, readMemorySlice } from './core'

const chat = '12/9/20, 23:55 - Bob: hello\n'.repeat(2000)

function archive(level: 0 | 6) {
  return zipSync(
    {
      '_chat.txt': [strToU8(chat), { level }],
      '__MACOSX/._chat.txt': strToU8('junk'),
      'IMG-0001.jpg': [new Uint8Array(500), { level: 0 }],
    },
    { mtime: new Date(2024, 0, 1) },
  )
}

async function open(bytes: Uint8Array, name: string, options: EntryOptions = {}, change: Partial<ZipEntry> = {}) {
  const entry = (await readCentralDirectory(bytesAccess(bytes))).find((e) => e.name === name)!
  return new ZipEntryInput(new SyncBlob(memoryBlob(bytes), readMemorySlice), { ...entry, ...change }, options)
}

// Reads the whole entry as the core would, in pieces of `piece` bytes.
function readAll(input: ZipEntryInput, piece: number): Uint8Array {
  const out = new Uint8Array(input.size)
  for (let o = 0; o < input.size;) {
    const n = input.readInto(o, out.subarray(o, Math.min(input.size, o + piece)))
    if (n <= 0) throw new Error(`no bytes at ${o}`)
    o += n
  }
  return out
}

async function extract(bytes: Uint8Array, name: string, piece = 1000, options: EntryOptions = {}) {
  return new TextDecoder().decode(readAll(await open(bytes, name, options), piece))
}

describe('zip reading', () => {
  it('recognises zips by their first bytes', () => {
    expect(looksLikeZip(archive(6).subarray(0, 4))).toBe(true)
    expect(looksLikeZip(strToU8('12/9/20'))).toBe(false)
  })

  it('lists the entries from the central directory', async () => {
    const entries = await readCentralDirectory(bytesAccess(archive(6)))
    expect(entries.map((e) => e.name)).toEqual(['_chat.txt', '__MACOSX/._chat.txt', 'IMG-0001.jpg'])
    expect(entries[0].size).toBe(chat.length)
    expect(entries[0].method).toBe(8)
  })

  it('reads a central directory larger than its window piece by piece, never whole', async () => {
    const files: Record<string, Uint8Array> = {}
    for (let i = 0; i < 300; i++) files[`photos/IMG-${String(i).padStart(4, '0')}-${'x'.repeat(i % 40)}.jpg`] = new Uint8Array(3)
    files['_chat.txt'] = strToU8(chat)
    const bytes = zipSync(files)
    const reads: number[] = []
    const counted = { size: bytes.length, read: (o: number, n: number) => (reads.push(n), bytesAccess(bytes).read(o, n)) }
    const small = await readCentralDirectory(counted, 512)
    const whole = await readCentralDirectory(bytesAccess(bytes))
    expect(small).toEqual(whole)
    expect(small).toHaveLength(301)
    expect(small.at(-1)?.name).toBe('_chat.txt')
    // The tail with the end record, then windows of 512 bytes: the directory is ~20 KB.
    expect(reads.length).toBeGreaterThan(20)
    expect(Math.max(...reads.slice(1))).toBeLessThanOrEqual(512)
  })

  it('reads deflated and stored entries in pieces of any size', async () => {
    for (const piece of [7, 333, 4096, chat.length]) {
      expect(await extract(archive(6), '_chat.txt', piece)).toBe(chat)
      expect(await extract(archive(0), '_chat.txt', piece)).toBe(chat)
    }
  })

  it('starts a deflated entry over for an offset it no longer holds, and serves nearby ones from what it keeps', async () => {
    // Varied lines: the entry inflates in several pieces, not in one.
    const text = Array.from({ length: 15000 }, (_, i) => `${i % 28}/9/20, 23:55 - Bob: ${(i * 7919) % 100003} ${(i * 104729) % 1009}`).join('\n')
    const input = await open(zipSync({ '_chat.txt': strToU8(text) }), '_chat.txt', { keepBytes: 1000 })
    const at = (offset: number, n: number) => {
      const dst = new Uint8Array(n)
      return new TextDecoder().decode(dst.subarray(0, input.readInto(offset, dst)))
    }
    expect(at(text.length - 200, 50)).toBe(text.slice(-200, -150))
    expect(at(text.length - 900, 50)).toBe(text.slice(-900, -850)) // kept: no restart
    expect(input.restarts).toBe(0)
    expect(at(10, 20)).toBe(text.slice(10, 30)) // long dropped: inflated again from the start
    expect(input.restarts).toBe(1)
    expect(at(text.length - 5, 100)).toBe(text.slice(-5)) // fewer only at the end
    expect(at(text.length, 10)).toBe('')
  }, 20000)

  it('says when an entry inflates to other than the size its archive declares', async () => {
    const shorter = await open(archive(6), '_chat.txt', {}, { size: chat.length + 10 })
    expect(() => readAll(shorter, 4096)).toThrow(/inflates to 56000 bytes, not the 56010 its archive declares/)
    const longer = await open(archive(6), '_chat.txt', {}, { size: chat.length - 10 })
    expect(() => readAll(longer, 4096)).toThrow(/inflates to more than the 55990 bytes its archive declares/)
  })

  it('says when the compressed data of an entry is cut short', async () => {
    const big = strToU8(Array.from({ length: 20000 }, (_, i) => `${i}/9/20, 23:55 - Bob: ${(i * 7919) % 10007}`).join('\n'))
    const zip = zipSync({ '_chat.txt': big })
    const entry = (await readCentralDirectory(bytesAccess(zip)))[0]
    const cut = new ZipEntryInput(new SyncBlob(memoryBlob(zip), readMemorySlice), { ...entry, compressedSize: entry.compressedSize >> 1 })
    expect(() => readAll(cut, 1 << 20)).toThrow(ZipError)
  })

  it('says when an archive is truncated', async () => {
    const full = archive(6)
    await expect(readCentralDirectory(bytesAccess(full.subarray(0, full.length - 30)))).rejects.toBeInstanceOf(ZipError)
    await expect(readCentralDirectory(bytesAccess(strToU8('PK\u0003\u0004 not really')))).rejects.toBeInstanceOf(ZipError)
  })

  // Issue 9: the sizes an archive declares are not trusted, and bombs are refused early.
  it('refuses an entry that inflates beyond the ratio limit, before inflating all of it', async () => {
    const big = new Uint8Array(4 << 20).fill(0x61) // 4 MiB of "a": deflates about 1000:1
    const bomb = zipSync({ '_chat.txt': [big, { level: 1 }] })
    const limits = { maxInputBytes: 2 ** 32, maxZipRatio: 100, ratioFloorBytes: 512 << 10 }
    // Its declared size is past the ratio: it is measured, and refused while measuring.
    await expect(open(bomb, '_chat.txt', { limits })).rejects.toThrow(/compressed more than 100:1/)
    // Declared small, it is refused while read, soon after the floor although one read asks for it all.
    const lying = await open(bomb, '_chat.txt', { limits }, { size: 256 << 10 })
    let seen = 0
    const dst = new Uint8Array(256 << 10)
    expect(() => (seen = lying.readInto(0, dst))).toThrow(/compressed more than 100:1/)
    expect(seen).toBe(0)
    // A higher ratio lets it through.
    expect(Buffer.compare(readAll(await open(bomb, '_chat.txt', { limits: { ...limits, maxZipRatio: 1e6 } }), 1 << 20), big)).toBe(0)
  }, 20000)

  it('refuses an entry that inflates beyond the input size limit', async () => {
    // Declared past the limit: refused when opened; declared small: refused while read.
    const limits = { maxInputBytes: 1024, maxZipRatio: 100 }
    await expect(open(archive(6), '_chat.txt', { limits })).rejects.toThrow(/inflates to more than the input size limit of 1 KiB/)
    const input = await open(archive(6), '_chat.txt', { limits }, { size: 1000 })
    expect(() => readAll(input, 4096)).toThrow(/inflates to more than the input size limit of 1 KiB/)
    expect(() => checkInflated(33 << 20, 1 << 10)).toThrow(ZipError)
    expect(() => checkInflated(31 << 20, 1 << 10)).not.toThrow() // small entries never count as bombs
  })

  it('holds the whole archive to the limits, so that many small bombs add up', async () => {
    // Alone the entry is fine; after entries that already inflated to 40 MiB it is not.
    expect(await extract(archive(6), '_chat.txt', 4096)).toBe(chat)
    await expect(extract(archive(6), '_chat.txt', 4096, { inflatedBefore: 40 << 20 })).rejects.toThrow(/compressed more than 100:1/)
  })

  it('does not trust a declared size: a terabyte claim reads the real bytes', async () => {
    const stored = await open(archive(0), '_chat.txt', {}, { size: 2 ** 40 })
    expect(stored.size).toBe(chat.length)
    expect(new TextDecoder().decode(readAll(stored, 4096))).toBe(chat)
    // Deflated: a size past the ratio limit is measured by inflating once.
    const deflated = await open(archive(6), '_chat.txt', {}, { size: 2 ** 40 })
    expect(deflated.size).toBe(chat.length)
    expect(new TextDecoder().decode(readAll(deflated, 4096))).toBe(chat)
  })
})
