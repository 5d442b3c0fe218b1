// The worker's warm-up (src/analysis/warm-up.ts): its made-up chats are real exports the
// core reads in full, it stops at cancel() between steps, and it leaves no trace in the
// user's report.
import { beforeAll, describe, expect, it } from 'vitest'
import { AnalysisEngine, type CoreModule } from '../../src/analysis/engine'
import type { FromWorker, InputFile } from '../../src/analysis/protocol'
import { SyncBlob, type SliceStats } from '../../src/analysis/slices'
import { WarmUp, warmUpTelegram, warmUpWhatsApp } from '../../src/analysis/warm-up'
import { coreBuilt, loadCore, memoryBlob, readMemorySlice, whatsappChat } from './core'

// A pause the test releases by hand: the warm-up's steps happen only when it says.
function manualPause() {
  const waiting: (() => void)[] = []
  const asked: number[] = [] // the last step's duration, as each pause is told it
  return {
    asked,
    pause: (lastStepMs: number) => new Promise<void>((resolve) => (asked.push(lastStepMs), waiting.push(resolve))),
    async release() {
      waiting.shift()?.()
      await new Promise((r) => setTimeout(r, 0))
    },
    get pending() {
      return waiting.length
    },
  }
}

describe('slices say what they cost', () => {
  it('counts the slices read from the file and their bytes', () => {
    const bytes = new Uint8Array((5 << 20) / 2) // 2.5 MiB: three slices of at most 1 MiB
    for (let i = 0; i < bytes.length; i += 4096) bytes[i] = (i >> 12) & 0xff
    const stats: SliceStats = { slices: 0, sliceBytes: 0, fileRead: 0 }
    const blob = new SyncBlob(memoryBlob(bytes), readMemorySlice, bytes.length, stats)
    const dst = new Uint8Array(bytes.length)
    expect(blob.readInto(0, dst)).toBe(bytes.length)
    expect(Buffer.compare(dst, bytes)).toBe(0) // toEqual walks 2.5M elements slowly
    expect(stats.slices).toBe(3)
    expect(stats.sliceBytes).toBe(bytes.length)
    expect(stats.fileRead).toBeGreaterThanOrEqual(0)
  })
})

describe.skipIf(!coreBuilt)('warm-up', () => {
  let core: CoreModule
  beforeAll(async () => {
    core = await loadCore()
  })

  it('makes chats the core reads in full: WhatsApp and a Telegram full-account export', () => {
    for (const [name, bytes, messages] of [
      ['warm-up.txt', warmUpWhatsApp(), 1000],
      ['result.json', warmUpTelegram(), 500],
    ] as const) {
      const session = new core.Session(() => {}, '2025-01-01')
      const source = JSON.parse(
        session.addInput(name, bytes.length, '', (offset, ptr, n) => {
          const piece = bytes.subarray(offset, offset + n)
          core.HEAPU8.set(piece, ptr)
          return piece.length
        }),
      )
      expect(source.error).toBeNull()
      expect(source.lines_skipped).toBe(0)
      expect(source.records).toBe(messages)
      expect(JSON.parse(session.finish()).messages).toBe(messages)
      expect(JSON.parse(session.report({ me: 'Alex Rivera' })).status).toBe('ok')
      session.delete()
    }
  })

  it('runs one step per pause, and none after cancel()', async () => {
    const gate = manualPause()
    const warm = new WarmUp(core, { rounds: 3, pause: gate.pause, startAfterMs: 1500 })
    await new Promise((r) => setTimeout(r, 0))
    expect(warm.steps).toBe(0) // nothing before the first pause ends: the page's message comes first
    await gate.release()
    expect(warm.steps).toBe(1)
    await gate.release()
    expect(warm.steps).toBe(2)
    warm.cancel()
    await gate.release()
    await warm.done
    expect(warm.steps).toBe(2)
    expect(gate.pending).toBe(0)
    // The first pause is the wait before the start; the pause after a step is as long as the step.
    expect(gate.asked[0]).toBe(1500)
    expect(gate.asked[1]).toBeGreaterThan(0)
  })

  it('ends by itself after its rounds', async () => {
    const warm = new WarmUp(core, { rounds: 1, startAfterMs: 0 })
    await warm.done
    expect(warm.steps).toBe(2)
  })

  it('leaves the report of the user’s files byte for byte as a fresh core makes it', async () => {
    const inputs: InputFile[] = [
      { path: 'WhatsApp Chat with Ana.txt', file: memoryBlob(whatsappChat('Sam', 'Ana', 90)) },
      { path: 'result.json', file: memoryBlob(warmUpTelegram(400, 7)) },
    ]
    const reportOf = async (withCore: CoreModule) => {
      const messages: FromWorker[] = []
      await new AnalysisEngine(
        withCore,
        (m) => messages.push(m),
        () => 0,
        readMemorySlice,
      ).analyze(inputs, { me: 'Sam' })
      const last = messages.at(-1)
      if (last?.type !== 'report') throw new Error(`no report: ${JSON.stringify(last)}`)
      return JSON.stringify(last.report)
    }
    const warmed = await loadCore()
    await new WarmUp(warmed, { rounds: 1, startAfterMs: 0 }).done
    const fresh = await loadCore()
    const [a, b] = [await reportOf(warmed), await reportOf(fresh)]
    expect(a.length).toBeGreaterThan(1000)
    expect(a).toBe(b)
  })
})
