// One person across platforms in the web app: the "Are these the same person?" list
// (confirm, reject, undo; answers remembered for the session and sent with every
// report request) and adding exports to the report on screen (the ones already read
// are kept), against a fake worker and against the real core.
import { mount } from '@vue/test-utils'
import { beforeAll, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import type { WorkerLike } from '../../src/analysis/client'
import { AnalysisClient } from '../../src/analysis/client'
import { AnalysisEngine, type CoreModule } from '../../src/analysis/engine'
import type { FromWorker, InputFile, LinkSuggestion, ToWorker } from '../../src/analysis/protocol'
import PersonLinks from '../../src/components/PersonLinks.vue'
import type { Report } from '../../src/report'
import { coreBuilt, loadCore, memoryBlob, readMemorySlice, whatsappChat } from './core'

class FakeWorker implements WorkerLike {
  sent: ToWorker[] = []
  onmessage: ((ev: MessageEvent<FromWorker>) => void) | null = null
  onerror: ((ev: ErrorEvent) => void) | null = null
  postMessage(msg: ToWorker) {
    structuredClone(msg) // what a real Worker does: reactive proxies cannot cross
    this.sent.push(msg)
    if (msg.type === 'init') queueMicrotask(() => this.onmessage?.({ data: { type: 'ready' } } as MessageEvent<FromWorker>))
  }
  terminate() {}
}

const file = (path: string, content: string): InputFile => ({ path, file: memoryBlob(content) })

const suggestion: LinkSuggestion = {
  a: { name: 'Ana Gómez', platform: 'whatsapp' },
  b: { name: 'Ana G.', platform: 'telegram' },
  reason: 'name_initials',
  strength: 'weak',
}

// A Telegram group export where "Ana G." and Sam write every evening.
function telegramChat(owner: string, other: string, days = 60): string {
  const messages: Record<string, unknown>[] = []
  for (let d = 0; d < days; d++) {
    const day = new Date(Date.UTC(2024, 0, 1) + d * 86400000).toISOString().slice(0, 10)
    messages.push({ id: 2 * d + 1, type: 'message', date: `${day}T19:00:00`, from: other, from_id: 'user2', text: '¿cenamos?' })
    messages.push({ id: 2 * d + 2, type: 'message', date: `${day}T19:04:00`, from: owner, from_id: 'user1', text: 'vale' })
  }
  return JSON.stringify({ name: 'Cena', type: 'private_group', id: 7, messages })
}

describe('the same-person list and the store', () => {
  async function setup() {
    const store = await import('../../src/store')
    const worker = new FakeWorker()
    const client = new AnalysisClient({ createWorker: () => worker, compileWasm: async () => ({}) as WebAssembly.Module })
    store.connect(client)
    await store.startAnalysis([file('WhatsApp Chat with Ana.txt', 'x')], { me: 'Sam' })
    store.handle({ type: 'report', report: { sections: {} } as unknown as Report, options: { me: 'Sam' }, ms: 1, suggestions: [suggestion] })
    return { store, worker }
  }
  const lastSent = (w: FakeWorker) => w.sent.at(-1)!

  it('asks, and a confirmation re-runs the report with the link; undo takes it back', async () => {
    const { store, worker } = await setup()
    const w = mount(PersonLinks)
    expect(w.find('[data-person-links] h2').text()).toBe('Are these the same person?')
    const row = w.find('[data-link-suggestion]')
    expect(row.text()).toContain('Ana Gómez (WhatsApp) and Ana G. (Telegram)')
    expect(row.text()).toContain('one name abbreviates the other')
    await row.find('[data-link-confirm]').trigger('click')
    const pair = { a: suggestion.a, b: suggestion.b }
    expect(lastSent(worker)).toEqual({ type: 'report', options: { me: 'Sam', links: [pair] } })
    // The core no longer suggests a linked pair: the answer is listed instead.
    store.handle({ type: 'report', report: { sections: {} } as unknown as Report, options: { me: 'Sam', links: [pair] }, ms: 1, suggestions: [] })
    await nextTick()
    expect(w.find('[data-link-suggestion]').exists()).toBe(false)
    expect(w.find('[data-link-answer="confirmed"]').text()).toContain('Linked')
    // A later filter keeps the link (remembered for the session).
    await store.rerun({ me: 'Sam', from: '2024-01-01' })
    expect(lastSent(worker)).toEqual({ type: 'report', options: { me: 'Sam', from: '2024-01-01', links: [pair] } })
    store.handle({ type: 'report', report: { sections: {} } as unknown as Report, options: { me: 'Sam' }, ms: 1, suggestions: [] })
    await nextTick()
    await w.find('[data-link-undo]').trigger('click')
    expect(lastSent(worker)).toEqual({ type: 'report', options: { me: 'Sam' } })
  })

  it('a rejection is not asked again and is sent as rejected', async () => {
    const { worker } = await setup()
    const w = mount(PersonLinks)
    await w.find('[data-link-reject]').trigger('click')
    expect(w.find('[data-link-suggestion]').exists()).toBe(false)
    expect(w.find('[data-link-answer="rejected"]').text()).toContain('Kept apart')
    expect(lastSent(worker)).toEqual({ type: 'report', options: { me: 'Sam', rejected: [{ a: suggestion.a, b: suggestion.b }] } })
  })

  it('adding exports sends only the new ones, with the answers so far, and lists every input', async () => {
    const { store, worker } = await setup()
    await store.confirmLink(suggestion)
    await store.addExports([file('result.json', '{}')])
    const sent = lastSent(worker)
    expect(sent.type).toBe('add')
    if (sent.type !== 'add') return
    expect(sent.inputs.map((i) => i.path)).toEqual(['result.json'])
    expect(sent.options.links).toHaveLength(1)
    expect(store.state.inputs.map((i) => i.path)).toEqual(['WhatsApp Chat with Ana.txt', 'result.json'])
    expect(store.state.status).toBe('working')
  })
})

describe.skipIf(!coreBuilt)('links and added exports in the real core', () => {
  let core: CoreModule
  beforeAll(async () => {
    core = await loadCore()
  })
  const wa = () => file('WhatsApp Chat with Ana Gómez.txt', whatsappChat('Sam', 'Ana Gómez'))
  const tg = () => file('result.json', telegramChat('Sam', 'Ana G.'))
  const reports = (messages: FromWorker[]) => messages.flatMap((m) => (m.type === 'report' ? [m] : []))

  it('suggests Ana across platforms, links her when confirmed, and forgets a rejected pair', async () => {
    const messages: FromWorker[] = []
    const engine = new AnalysisEngine(
      core,
      (m) => messages.push(m),
      () => 0,
      readMemorySlice,
    )
    await engine.analyze([wa(), tg()], { me: 'Sam' })
    const first = reports(messages).at(-1)!
    expect(first.suggestions).toEqual([suggestion])
    const overview = first.report.sections.overview
    expect(overview.data.people).toBe(3) // Sam once, Ana twice
    expect(overview.by_platform.map((p) => p.platform)).toEqual(['whatsapp', 'telegram'])

    engine.report({ me: 'Sam', links: [{ a: suggestion.a, b: suggestion.b }] })
    const linked = reports(messages).at(-1)!
    expect(linked.suggestions).toEqual([])
    expect(linked.report.sections.overview.data.people).toBe(2)
    const ana = linked.report.sections.overview.people.find((p) => p.name === 'Ana Gómez')!
    expect(ana.platforms).toEqual(['whatsapp', 'telegram'])
    expect(linked.report.sections.shared_groups.platforms).toEqual(['telegram'])

    engine.report({ me: 'Sam', rejected: [{ a: suggestion.b, b: suggestion.a }] })
    const rejected = reports(messages).at(-1)!
    expect(rejected.suggestions).toEqual([])
    expect(rejected.report.sections.overview.data.people).toBe(3)
  })

  it('adding an export to the report on screen keeps the inputs already read', async () => {
    const messages: FromWorker[] = []
    const engine = new AnalysisEngine(
      core,
      (m) => messages.push(m),
      () => 0,
      readMemorySlice,
    )
    await engine.analyze([wa()], { me: 'Sam' })
    expect(reports(messages).at(-1)!.report.sections.overview.by_platform).toHaveLength(1)
    messages.length = 0
    await engine.add([tg()], { me: 'Sam' })
    const sources = messages.flatMap((m) => (m.type === 'source' ? [m.source.file] : []))
    expect(sources).toEqual(['WhatsApp Chat with Ana Gómez.txt', 'result.json'])
    const after = reports(messages).at(-1)!.report.sections.overview
    expect(after.by_platform.map((p) => [p.platform, p.messages])).toEqual([
      ['whatsapp', 180],
      ['telegram', 120],
    ])
  })
})
