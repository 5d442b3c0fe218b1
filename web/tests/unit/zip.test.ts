import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { bytesAccess, checkInflated, extractEntry, looksLikeZip, readCentralDirectory, ZipError } from '../../src/analysis/zip'

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

async function extract(bytes: Uint8Array, name: string, chunkSize = 1000) {
  const src = bytesAccess(bytes)
  const entries = await readCentralDirectory(src)
  const entry = entries.find((e) => e.name === name)!
  const parts: Uint8Array[] = []
  await extractEntry(src, entry, (c) => parts.push(c.slice()), { chunkSize })
  return new TextDecoder().decode(Buffer.concat(parts))
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

  it('streams deflated and stored entries in small chunks', async () => {
    expect(await extract(archive(6), '_chat.txt', 333)).toBe(chat)
    expect(await extract(archive(0), '_chat.txt', 4096)).toBe(chat)
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
    const src = bytesAccess(bomb)
    const [entry] = await readCentralDirectory(src)
    const limits = { maxInputBytes: 2 ** 32, maxZipRatio: 100, ratioFloorBytes: 512 << 10 }
    let seen = 0
    const attempt = extractEntry(src, entry, (c) => (seen += c.length), { chunkSize: 4 << 20, limits })
    await expect(attempt).rejects.toThrow(/compressed more than 100:1/)
    // Stopped soon after the floor, although one 4 MiB read holds the whole archive.
    expect(seen).toBeLessThan(2 << 20)
    // A higher ratio lets it through.
    seen = 0
    await extractEntry(src, entry, (c) => (seen += c.length), { limits: { ...limits, maxZipRatio: 1e6 } })
    expect(seen).toBe(4 << 20)
  }, 20000)

  it('refuses an entry that inflates beyond the input size limit', async () => {
    const src = bytesAccess(archive(6))
    const entry = (await readCentralDirectory(src)).find((e) => e.name === '_chat.txt')!
    await expect(extractEntry(src, entry, () => {}, { limits: { maxInputBytes: 1024, maxZipRatio: 100 } })).rejects.toThrow(
      /inflates to more than the input size limit of 1 KiB/,
    )
    expect(() => checkInflated(33 << 20, 1 << 10)).toThrow(ZipError)
    expect(() => checkInflated(31 << 20, 1 << 10)).not.toThrow() // small entries never count as bombs
  })

  it('holds the whole archive to the limits, so that many small bombs add up', async () => {
    const src = bytesAccess(archive(6))
    const entry = (await readCentralDirectory(src)).find((e) => e.name === '_chat.txt')!
    // Alone the entry is fine; after entries that already inflated to 40 MiB it is not.
    await extractEntry(src, entry, () => {})
    await expect(extractEntry(src, entry, () => {}, { inflatedBefore: 40 << 20 })).rejects.toThrow(/compressed more than 100:1/)
  })

  it('does not trust a declared size: a terabyte claim reads the real bytes', async () => {
    const src = bytesAccess(archive(0))
    const entry = (await readCentralDirectory(src)).find((e) => e.name === '_chat.txt')!
    const parts: Uint8Array[] = []
    await extractEntry(src, { ...entry, size: 2 ** 40 }, (c) => parts.push(c.slice()))
    expect(new TextDecoder().decode(Buffer.concat(parts))).toBe(chat)
  })
})
