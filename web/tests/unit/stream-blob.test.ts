// The stream path's reader (stream-blob.ts): reads awaited then copied synchronously, served
// from a Blob stream read ahead (bounded), from slices when out of order, errors as input keys.
import { Blob as NodeBlob } from 'node:buffer'
import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { ReaderThread } from '../../src/analysis/reader-thread'
import { InputError, type SliceReader } from '../../src/analysis/slices'
import { StreamBlob, type StreamStats } from '../../src/analysis/stream-blob'
import { bytesAccess, readCentralDirectory, ZipError } from '../../src/analysis/zip'
import { ZipEntryInput } from '../../src/analysis/zip-entry-input'

const stats = (): StreamStats => ({ slices: 0, sliceBytes: 0, fileRead: 0, streamWait: 0, streamChunks: 0, streamBytes: 0 })
const noSyncRead: SliceReader = () => {
  throw new Error('a synchronous read ran')
}

function bytesOf(n: number, seed = 7): Uint8Array {
  const out = new Uint8Array(n)
  let x = seed
  for (let i = 0; i < n; i++) out[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24
  return out
}

// What the core does on the stream path: await the bytes, then copy them synchronously.
async function read(blob: StreamBlob, offset: number, n: number): Promise<Uint8Array> {
  expect(await blob.wait(offset, n)).toBe(0)
  const dst = new Uint8Array(n)
  return dst.subarray(0, blob.readInto(offset, dst))
}

// Byte arrays compared as one (toEqual walks them element by element: slow for 600 KB).
const same = (a: Uint8Array, b: Uint8Array) => expect(Buffer.compare(a, b), `${a.length} vs ${b.length} bytes`).toBe(0)
// A Blob whose streams give 10 KB chunks, as a browser's do (the test environment's give one).
function blobOf(data: Uint8Array, from = 0, to = data.length): Blob {
  const stream = () => {
    let at = from
    return new ReadableStream<Uint8Array>({
      pull(c) {
        if (at >= to) return c.close()
        c.enqueue(data.slice(at, Math.min(to, at + 10_000)))
        at += 10_000
      },
    })
  }
  const slice = (a = 0, b = to - from) => blobOf(data, from + a, Math.min(to, from + b))
  const arrayBuffer = async () => data.slice(from, to).buffer
  return { size: to - from, stream, slice, arrayBuffer } as unknown as Blob
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5))

describe('StreamBlob', () => {
  const data = bytesOf(600_000)

  it('serves reads in order from one stream, each byte read once', async () => {
    const s = stats()
    const blob = new StreamBlob(blobOf(data), noSyncRead, data.length, s, { readAhead: 100_000 })
    for (let o = 0; o < data.length; o += 40_000) same(await read(blob, o, 40_000), data.subarray(o, o + 40_000))
    expect(s.streamBytes).toBe(data.length)
    expect(s.slices).toBe(0)
  })

  it('reads ahead of the furthest byte asked for, but no more than its bound and a chunk', async () => {
    const s = stats()
    const blob = new StreamBlob(blobOf(data), noSyncRead, data.length, s, { readAhead: 100_000 })
    await read(blob, 0, 10_000)
    for (let i = 0; i < 20; i++) await tick()
    expect(s.streamBytes).toBeGreaterThanOrEqual(100_000)
    expect(s.streamBytes).toBeLessThanOrEqual(10_000 + 100_000 + 10_000)
    blob.close()
  })

  it('serves reads out of order: back to the start, a jump forward, overlapping the stream', async () => {
    const s = stats()
    const blob = new StreamBlob(blobOf(data), noSyncRead, data.length, s, { readAhead: 50_000, jumpBytes: 100_000 })
    same(await read(blob, 0, 4096), data.subarray(0, 4096))
    same(await read(blob, 300_000, 2000), data.subarray(300_000, 302_000)) // small: a slice
    expect(s.slices).toBe(1)
    same(await read(blob, 4000, 70_000), data.subarray(4000, 74_000)) // the stream again
    same(await read(blob, 10, 100), data.subarray(10, 110)) // still held behind
    same(await read(blob, 500_000, 80_000), data.subarray(500_000, 580_000)) // big jump: the stream starts over
    same(await read(blob, 0, 2_000_000), data) // behind what is held, and past the end
    expect(s.streamBytes).toBeLessThan(2 * data.length)
  })

  it('gives fewer bytes at the end of the blob and none past it', async () => {
    const blob = new StreamBlob(blobOf(data), noSyncRead)
    same(await read(blob, data.length - 10, 100), data.subarray(data.length - 10))
    same(await read(blob, data.length, 5), new Uint8Array(0))
    expect((await read(new StreamBlob(new Blob([]), noSyncRead), 0, 5)).length).toBe(0)
  })

  it('falls back to a synchronous read for bytes no wait made ready', () => {
    const blob = new StreamBlob(blobOf(data), (_b, start, end) => data.slice(start, end))
    const dst = new Uint8Array(30)
    expect(blob.readInto(1000, dst)).toBe(30)
    expect(dst).toEqual(data.subarray(1000, 1030))
  })

  // A File that can be opened but whose bytes cannot be read (changed on disk, say).
  function failingBlob(size: number): Blob {
    const fail = () => Promise.reject(new Error('the file changed on disk'))
    const part = { stream: () => new ReadableStream({ pull: (c) => c.error(new Error('the file changed on disk')) }), arrayBuffer: fail }
    return { size, slice: () => part, ...part } as unknown as Blob
  }

  it('never rejects a wait: the read that follows throws the error with an input key', async () => {
    for (const [offset, n] of [
      [0, 1000], // the stream fails
      [1000, 10], // then a small read far ahead: a slice, which fails too
    ]) {
      const blob = new StreamBlob(failingBlob(1 << 20), noSyncRead)
      if (offset) await blob.wait(0, 10)
      await expect(blob.wait(offset, n)).resolves.toBe(0)
      let error: unknown
      try {
        blob.readInto(offset, new Uint8Array(n))
      } catch (e) {
        error = e
      }
      expect(error).toBeInstanceOf(InputError)
      expect((error as InputError).key).toBe('input.cannot_read')
      expect((error as InputError).message).toContain('the file changed on disk')
    }
  })
})

describe('StreamBlob started ahead (the next input while the core reads this one)', () => {
  const data = bytesOf(600_000)

  it('has its first bytes before the core asks, at most the read-ahead of them, then reads on as usual', async () => {
    const s = stats()
    const blob = new StreamBlob(blobOf(data), noSyncRead, data.length, s, { readAhead: 100_000 })
    blob.prefetch()
    for (let i = 0; i < 10; i++) await tick()
    // Requested 100,000 past byte 0, in 10,000-byte chunks: no more than one chunk over.
    expect(s.streamBytes).toBeGreaterThanOrEqual(100_000)
    expect(s.streamBytes).toBeLessThanOrEqual(110_000)
    const waited = s.streamWait
    same(await read(blob, 0, 50_000), data.subarray(0, 50_000))
    expect(s.streamWait).toBe(waited) // held already: no wait counted
    blob.prefetch() // a second call changes nothing
    let asked = 0
    blob.whenLastAsked(() => asked++)
    for (let o = 50_000; o < data.length; o += 50_000) {
      expect(asked).toBe(0)
      same(await read(blob, o, 50_000), data.subarray(o, o + 50_000))
    }
    expect(asked).toBe(1) // at the wait for the last 50,000
    expect(s.streamBytes).toBe(data.length)
    expect(s.slices).toBe(0)
    // Asked for once the last byte has been: called at once.
    blob.whenLastAsked(() => asked++)
    expect(asked).toBe(2)
  })
})

describe('StreamBlob reading through a reader thread', () => {
  const data = bytesOf(300_000)
  // The reader thread's program run in this process: `posted` counts the bytes it sent.
  function inProcess(source: string) {
    const worker = {
      onmessage: null as ((e: { data: unknown }) => void) | null,
      postMessage: (m: unknown) => void setTimeout(() => deliver(m)),
      terminate: () => {},
      posted: 0,
    }
    const post = (m: { chunk?: Uint8Array }) => {
      worker.posted += m.chunk?.length ?? 0
      setTimeout(() => worker.onmessage?.({ data: m }))
    }
    const deliver = new Function('postMessage', `let onmessage;${source}; return (m) => onmessage({ data: m })`)(post)
    return worker
  }

  it('gives the same bytes, in order and out of order, the thread at most its credit ahead', async () => {
    let worker: ReturnType<typeof inProcess> | null = null
    const thread = new ReaderThread(30_000, 0, (source) => (worker = inProcess(source)) as unknown as Worker)
    const s = stats()
    const blob = new StreamBlob(blobOf(data), noSyncRead, data.length, s, { readAhead: 20_000, jumpBytes: 50_000, open: thread.open })
    same(await read(blob, 0, 5000), data.subarray(0, 5000))
    for (let i = 0; i < 20; i++) await tick()
    // Asked 5,000; read ahead 20,000; the thread's credit 30,000; a chunk of 10,000 over each.
    expect(worker!.posted).toBeLessThanOrEqual(5000 + 20_000 + 30_000 + 2 * 10_000)
    for (let o = 5000; o < 200_000; o += 7000) same(await read(blob, o, 7000), data.subarray(o, o + 7000))
    same(await read(blob, 250_000, 50_000), data.subarray(250_000))
    same(await read(blob, 100, 1000), data.subarray(100, 1100)) // behind, still held
    expect(s.slices).toBe(0)
    expect(s.streamBytes).toBe(data.length)
  })

  it('runs two streams side by side: one started ahead does not stop the one being read', async () => {
    const thread = new ReaderThread(30_000, 0, (source) => inProcess(source) as unknown as Worker)
    const other = bytesOf(120_000, 11)
    const first = new StreamBlob(blobOf(data), noSyncRead, data.length, undefined, { readAhead: 20_000, open: thread.open })
    same(await read(first, 0, 10_000), data.subarray(0, 10_000))
    const next = new StreamBlob(blobOf(other), noSyncRead, other.length, undefined, { readAhead: 20_000, open: thread.open })
    next.prefetch()
    for (let o = 10_000; o < data.length; o += 10_000) same(await read(first, o, 10_000), data.subarray(o, o + 10_000))
    first.close()
    for (let o = 0; o < other.length; o += 30_000) same(await read(next, o, 30_000), other.subarray(o, o + 30_000))
  })

  it("carries the thread's stream error to the read, with an input key", async () => {
    const thread = new ReaderThread(30_000, 0, (source) => inProcess(source) as unknown as Worker)
    const broken = { size: 1000, stream: () => new ReadableStream({ pull: (c) => c.error(new Error('the file changed on disk')) }) } as unknown as Blob
    const blob = new StreamBlob(broken, noSyncRead, 1000, undefined, { open: thread.open })
    await expect(blob.wait(0, 100)).resolves.toBe(0)
    expect(() => blob.readInto(0, new Uint8Array(100))).toThrow(/the file changed on disk/)
  })
})

describe('a reader thread reading a byte stream into buffers of its own', () => {
  const data = bytesOf(600_000, 5)
  const CHUNK = 16_384
  // The thread's program in this process, with its ArrayBuffer counted: every buffer it makes.
  function counted(source: string) {
    const worker = {
      onmessage: null as ((e: { data: unknown }) => void) | null,
      postMessage: (m: unknown) => void setTimeout(() => deliver(m)),
      terminate: () => void (worker.ended = true),
      made: 0,
      chunks: [] as number[],
      ended: false,
    }
    class Counted extends ArrayBuffer {
      constructor(n: number) {
        super(n)
        worker.made++
      }
    }
    const post = (m: { chunk?: Uint8Array }) => {
      if (m.chunk) worker.chunks.push(m.chunk.length)
      setTimeout(() => worker.onmessage?.({ data: m }))
    }
    const deliver = new Function('postMessage', 'ArrayBuffer', `let onmessage;${source}; return (m) => onmessage({ data: m })`)(post, Counted)
    return worker
  }

  it('gives the same bytes in full buffers, fills the buffers given back again, and ends with its last stream', async () => {
    const workers: ReturnType<typeof counted>[] = []
    const thread = new ReaderThread(30_000, CHUNK, (source) => (workers[workers.length] = counted(source)) as unknown as Worker)
    const worker = workers[0]
    const s = stats()
    // Node's own Blob: its stream is a byte stream, as a browser's is (the test environment's is not).
    const bytes = new NodeBlob([data as Uint8Array<ArrayBuffer>]) as unknown as Blob
    const blob = new StreamBlob(bytes, noSyncRead, data.length, s, {
      readAhead: 20_000,
      keepBehind: 10_000,
      open: thread.open,
    })
    for (let o = 0; o < data.length; o += 20_000) same(await read(blob, o, 20_000), data.subarray(o, o + 20_000))
    expect(s.streamBytes).toBe(data.length)
    // Every chunk a full buffer but the last.
    expect(worker.chunks.slice(0, -1).every((n) => n === CHUNK)).toBe(true)
    expect(worker.chunks.length).toBe(Math.ceil(data.length / CHUNK))
    // Held behind, asked, read ahead, the thread's credit: about 80,000 bytes out at a time, in
    // far fewer buffers than the 37 chunks read.
    expect(worker.made).toBeLessThanOrEqual(Math.ceil(80_000 / CHUNK) + 3)
    // The last stream closed: the thread, and every buffer it read into, goes a moment later...
    blob.close()
    expect(worker.ended).toBe(false)
    await new Promise((resolve) => setTimeout(resolve, 150))
    expect(worker.ended).toBe(true)
    // ...and the next stream starts a new one.
    const again = new StreamBlob(bytes, noSyncRead, data.length, undefined, { readAhead: 20_000, open: thread.open })
    same(await read(again, 0, 50_000), data.subarray(0, 50_000))
    expect(workers.length).toBe(2)
    // Told the import is over, it ends at once, not with a stream open.
    thread.open.idle!()
    expect(workers[1].ended).toBe(false)
    again.close()
    thread.open.idle!()
    expect(workers[1].ended).toBe(true)
  })

  it('never gives back a chunk a view of which was handed out', async () => {
    const released: Uint8Array[] = []
    const chunks = [0, 1, 2, 3].map((i) => data.slice(i * 10_000, (i + 1) * 10_000))
    const open = () => {
      let i = 0
      return {
        read: async () => (i < chunks.length ? { done: false as const, value: chunks[i++] } : { done: true as const, value: undefined }),
        cancel: async () => {},
        release: (c: Uint8Array) => void released.push(c),
      }
    }
    const blob = new StreamBlob(blobOf(data, 0, 40_000), noSyncRead, 40_000, undefined, { readAhead: 5000, keepBehind: 0, open })
    await blob.wait(0, 100)
    const lent = blob.bytes(0, 100) // a view of the first chunk
    same(await read(blob, 10_000, 5000), data.subarray(10_000, 15_000)) // the first is dropped: lent, kept
    same(await read(blob, 25_000, 5000), data.subarray(25_000, 30_000)) // the second is dropped: given back
    expect(released).toEqual([chunks[1]])
    same(lent, data.subarray(0, 100))
    blob.close()
    expect(released.slice(0, 2)).toEqual([chunks[1], chunks[2]])
    expect(released).not.toContain(chunks[0])
  })
})

describe('a reader thread that cannot run', () => {
  it("fails the input being read, then leaves the reads to the Blob's own streams", async () => {
    const data = bytesOf(50_000)
    const worker = { postMessage: () => {}, onmessage: null, onerror: null as ((e: { message: string }) => void) | null }
    const thread = new ReaderThread(30_000, 0, () => worker as unknown as Worker)
    const first = new StreamBlob(blobOf(data), noSyncRead, data.length, undefined, { open: thread.open })
    const waiting = first.wait(0, 100)
    await tick()
    worker.onerror!({ message: 'blocked' })
    await expect(waiting).resolves.toBe(0)
    expect(() => first.readInto(0, new Uint8Array(100))).toThrow(/the reader thread failed \(blocked\)/)
    const second = new StreamBlob(blobOf(data), noSyncRead, data.length, undefined, { open: thread.open })
    same(await read(second, 0, 50_000), data)
  })
})

describe('a zip entry on the stream path', () => {
  const text = '12/9/20, 23:55 - Bob: hello there\n'.repeat(20_000)

  async function entryOf(zip: Uint8Array) {
    const entry = (await readCentralDirectory(bytesAccess(zip)))[0]
    const archive = new StreamBlob(new Blob([zip as BlobPart]), noSyncRead, zip.length, undefined, { readAhead: 64 << 10 })
    await archive.wait(entry.localHeaderOffset, 30)
    return new ZipEntryInput(archive, entry)
  }

  it('inflates deflated and stored entries from the awaited compressed bytes', async () => {
    for (const level of [0, 6] as const) {
      const input = await entryOf(zipSync({ '_chat.txt': [strToU8(text), { level }] }))
      const out = new Uint8Array(input.size)
      for (let o = 0; o < input.size; o += 50_000) {
        await input.wait(o, 50_000)
        input.readInto(o, out.subarray(o, o + 50_000))
      }
      await input.wait(0, 100) // back to the start: inflated again
      expect(input.readInto(0, new Uint8Array(100))).toBe(100)
      expect(new TextDecoder().decode(out)).toBe(text)
    }
  })

  it("keeps a corrupt entry's error for the read that follows", async () => {
    const zip = zipSync({ '_chat.txt': strToU8(text) })
    zip.fill(0xff, 60, 90)
    const input = await entryOf(zip)
    await expect(input.wait(0, input.size)).resolves.toBe(0)
    expect(() => input.readInto(0, new Uint8Array(input.size))).toThrow(ZipError)
  })
})
