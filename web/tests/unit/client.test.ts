// The page's side of the worker protocol: warm start with the compiled core,
// messages routed to the app, Cancel = a fresh worker, stale workers ignored.
import { describe, expect, it } from 'vitest'
import { reactive } from 'vue'
import { AnalysisClient, type WorkerLike } from '../../src/analysis/client'
import type { FromWorker, ToWorker } from '../../src/analysis/protocol'
import type { Report } from '../../src/report'

class FakeWorker implements WorkerLike {
  sent: ToWorker[] = []
  terminated = false
  onmessage: ((ev: MessageEvent<FromWorker>) => void) | null = null
  onerror: ((ev: ErrorEvent) => void) | null = null
  postMessage(msg: ToWorker) {
    // What a real Worker does: reactive proxies cannot cross.
    structuredClone(msg)
    this.sent.push(msg)
    if (msg.type === 'init') queueMicrotask(() => this.emit({ type: 'ready', platforms: [] }))
  }
  terminate() {
    this.terminated = true
  }
  emit(msg: FromWorker) {
    this.onmessage?.({ data: msg } as MessageEvent<FromWorker>)
  }
}

function setup() {
  const workers: FakeWorker[] = []
  const module = {} as WebAssembly.Module
  let compiled = 0
  const client = new AnalysisClient({
    createWorker: () => {
      const w = new FakeWorker()
      workers.push(w)
      return w
    },
    compileWasm: async () => {
      compiled++
      return module
    },
  })
  const received: FromWorker[] = []
  client.onMessage((m) => received.push(m))
  return { client, workers, received, module, compiled: () => compiled }
}

describe('AnalysisClient', () => {
  it('starts a worker with the compiled core and sends the inputs', async () => {
    const { client, workers, module } = setup()
    const input = { path: 'a.txt', file: new Blob(['x']) }
    await client.analyze([input], { me: 'Ana' })
    expect(workers).toHaveLength(1)
    expect(workers[0].sent[0]).toEqual({ type: 'init', wasm: module })
    expect(workers[0].sent[1]).toEqual({ type: 'analyze', inputs: [input], options: { me: 'Ana' } })
  })

  it('passes the worker messages to the app', async () => {
    const { client, workers, received } = setup()
    await client.warm()
    workers[0].emit({ type: 'progress', phase: 'reading', file: 'a.txt', done: 1, total: 2 })
    expect(received.at(-1)).toMatchObject({ type: 'progress', done: 1 })
  })

  it('cancels by terminating the worker, starts a fresh one, compiles the core only once', async () => {
    const { client, workers, received, compiled } = setup()
    await client.analyze([{ path: 'a.txt', file: new Blob(['x']) }])
    client.cancel()
    expect(workers[0].terminated).toBe(true)
    expect(workers).toHaveLength(2)
    const before = received.length
    workers[0].emit({ type: 'report', report: {} as Report, options: {}, ms: 1 })
    expect(received.length).toBe(before) // the old worker is not listened to any more
    await client.rerun({ me: 'Bea' })
    expect(workers[1].sent.at(-1)).toEqual({ type: 'report', options: { me: 'Bea' } })
    expect(compiled()).toBe(1)
  })

  it('reports a core that cannot load', async () => {
    const received: FromWorker[] = []
    const client = new AnalysisClient({ createWorker: () => new FakeWorker(), compileWasm: () => Promise.reject(new Error('offline')) })
    client.onMessage((m) => received.push(m))
    void client.warm()
    await new Promise((r) => setTimeout(r, 0))
    expect(received[0]).toMatchObject({ type: 'error', fatal: true })
  })
})

describe('store -> worker messages', () => {
  it('are plain data even when built from reactive state', async () => {
    const { connect, startAnalysis, chooseOwner, handle, state } = await import('../../src/store')
    const { client, workers } = setup()
    connect(client)
    const inputs = reactive([{ path: 'a.txt', file: new Blob(['x']) }])
    await startAnalysis(inputs, reactive({ chats: [1, 2] }))
    expect(state.status).toBe('working')
    handle({ type: 'owner', status: 'ambiguous', candidates: ['Ana', 'Bea'] })
    await chooseOwner('Ana')
    // The first report asks for the core's default period (issue 15); choosing the owner keeps it.
    expect(workers[0].sent.at(-1)).toEqual({ type: 'report', options: { chats: [1, 2], period: 'auto', me: 'Ana' } })
  })
})
