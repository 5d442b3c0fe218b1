import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { bytesAccess, extractEntry, looksLikeZip, readCentralDirectory, ZipError } from '../../src/analysis/zip'

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
})
