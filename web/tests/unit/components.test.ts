// Cards, the report view, the owner picker and the file list, in both languages.
import { config, mount } from '@vue/test-utils'
import { afterEach, describe, expect, inject, it } from 'vitest'
import { nextTick, type Component } from 'vue'
import { CARD_COMPONENTS } from '../../src/cards'
import FileHelp from '../../src/components/FileHelp.vue'
import OwnerPicker from '../../src/components/OwnerPicker.vue'
import ReportView from '../../src/components/ReportView.vue'
import SourceList from '../../src/components/SourceList.vue'
import { setLanguage } from '../../src/i18n'
import { clock } from '../../src/lib/format'
import { CARD_NAMES } from '../../src/report/manifest'

afterEach(() => setLanguage('en'))

// Made by the current core for this run (tests/unit/global-setup.ts).
const { rich: demo, thin, empty: notEnough, yearly } = inject('reports')
// year_vs_year needs a report of one year whose year before has data too.
const dataFor = (name: string) => (name === 'year_vs_year' ? yearly : demo)

describe('report cards', () => {
  for (const name of CARD_NAMES) {
    it(`${name}: shows data from the demo report`, () => {
      const w = mount(CARD_COMPONENTS[name], { props: { report: dataFor(name) } })
      const card = w.find(`[data-card="${name}"]`)
      expect(card.exists()).toBe(true)
      expect(card.attributes('data-enough')).toBe('true')
      expect(w.find('[data-not-enough]').exists()).toBe(false)
      expect(w.text().length).toBeGreaterThan(60)
    })

    it(`${name}: says why when there is not enough data`, () => {
      const w = mount(CARD_COMPONENTS[name], { props: { report: notEnough } })
      expect(w.find(`[data-card="${name}"]`).attributes('data-enough')).toBe('false')
      expect(w.find('[data-not-enough]').exists()).toBe(true)
    })

    it(`${name}: survives a report without its section`, () => {
      const w = mount(CARD_COMPONENTS[name], { props: { report: { sections: {} } } })
      expect(w.find('[data-not-enough]').text()).toContain('did not compute this card')
    })
  }

  it('words the notes of the core from the catalogue, in each language', async () => {
    expect(thin.sections.activity.note).toEqual({ key: 'activity.few_messages', params: { min: 50 } })
    const w = mount(CARD_COMPONENTS.activity, { props: { report: thin } })
    expect(w.text()).toContain('Fewer than 50 messages of yours')
    setLanguage('es')
    await nextTick()
    expect(w.text()).toContain('Menos de 50 mensajes tuyos')
    expect(w.text()).not.toMatch(/[a-z_]+\.[a-z_]+/)
  })

  it("renders the core's sentences ({key, params}) in both languages", async () => {
    const w = mount(CARD_COMPONENTS.conversations, { props: { report: notEnough } })
    expect(w.find('[data-not-enough]').text()).toContain('at least 3 conversations')
    setLanguage('es')
    await nextTick()
    expect(w.find('[data-not-enough]').text()).toContain('al menos 3 conversaciones')
  })

  it('conversations: every value of a contact names its column (the headers are hidden on a phone)', async () => {
    setLanguage('es')
    const w = mount(CARD_COMPONENTS.conversations, { props: { report: demo } })
    await nextTick()
    const headers = w.findAll('thead th').map((th) => th.text())
    const row = w.find('tbody tr')
    expect(row.exists()).toBe(true)
    expect(row.findAll('td').map((td) => td.attributes('data-label'))).toEqual(headers.slice(1))
    expect(headers).toContain('Dobles mensajes')
  })

  it('comings_goings: a chart only when someone came or went', () => {
    const c = demo.sections.comings_goings
    expect((c.appeared_by_year?.length ?? 0) + (c.faded?.length ?? 0)).toBeGreaterThan(0)
    // ChartBox is stubbed in unit tests by a <figure>.
    expect(
      mount(CARD_COMPONENTS.comings_goings, { props: { report: demo } })
        .find('figure')
        .exists(),
    ).toBe(true)
    const still = { ...demo, sections: { ...demo.sections, comings_goings: { ...c, appeared_by_year: [], appeared: [], faded: [] } } }
    const w = mount(CARD_COMPONENTS.comings_goings, { props: { report: still } })
    expect(w.find('figure').exists()).toBe(false)
    expect(w.text()).toContain('Nobody new')
  })

  it('mood: the confidence band is stacked whatever its sign, so a band below zero stays around its line', () => {
    const w = mount(CARD_COMPONENTS.mood, { props: { report: demo } })
    const props = w.findComponent(config.global.stubs.ChartBox as Component).props() as { option: { series: { stack?: string; stackStrategy?: string }[] } }
    const option = props.option
    const band = option.series.filter((x) => x.stack === 'band')
    expect(band.length).toBe(2)
    for (const x of band) expect(x.stackStrategy).toBe('all')
  })

  it('shows the sleep window over the whole day, and the silence as an upper bound or its refusal', () => {
    const w = mount(CARD_COMPONENTS.sleep_work, { props: { report: demo } })
    expect(demo.sections.sleep.quiet_window.weekdays.found).toBe(true)
    expect(w.find('[data-window="weekdays"]').text()).toMatch(/quiet from .+ to .+/)
    expect(demo.sections.sleep.messages_by_slot.length).toBe(96)
    expect(w.find('[data-silence]').text()).toMatch(/upper bound|over 12 h/)
  })

  it('renders the privacy statements in both languages, never as raw keys', async () => {
    const w = mount(CARD_COMPONENTS.privacy, { props: { report: demo } })
    const statements = w.findAll('[data-statement]')
    expect(statements.length).toBe(demo.sections.privacy.statements.length)
    expect(w.text()).not.toMatch(/privacy\.[a-z_]+/)
    const english = w.text()
    setLanguage('es')
    await nextTick()
    expect(w.text()).not.toMatch(/privacy\.[a-z_]+/)
    expect(w.text()).not.toEqual(english)
    expect(w.text()).toContain('Lo que revelan tus mensajes')
  })

  it('year_vs_year: one line per statement from typed fields, with the mood interval, in both languages', async () => {
    const y = yearly.sections.year_vs_year
    expect(yearly.period).toEqual({ kind: 'year', from: '2024-01-01', to: '2024-12-31' })
    expect(y.enough_data).toBe(true)
    const w = mount(CARD_COMPONENTS.year_vs_year, { props: { report: yearly } })
    expect(w.find('[data-yvy-number="this"]').text()).toContain('2024')
    expect(w.find('[data-yvy-number="previous"]').text()).toContain('2023')
    expect(w.find('[data-yvy="appeared"]').text()).toBe(`New this year: ${y.people!.appeared.map((p) => p.name).join(', ')}.`)
    expect(w.find('[data-yvy="faded"]').text()).toContain('Marta')
    expect(w.find('[data-yvy="mood"]').text()).toContain('less positive')
    expect(w.find('[data-yvy-interval]').text()).toMatch(/95% interval -?[\d.]+ to -?[\d.]+/)
    // The nights' times in the reader's clock, not the core's "HH:MM".
    expect(w.find('[data-yvy="sleep"]').text()).toContain(clock(y.sleep!.this.to, 'en'))
    expect(clock('00:30', 'en')).toBe('12:30 AM')
    expect(w.findAll('[data-yvy]').length).toBe(11)
    expect(w.text()).not.toMatch(/year_vs_year\.[a-z_]+/)
    setLanguage('es')
    await nextTick()
    expect(w.find('[data-yvy="faded"]').text()).toContain('Se apagó este año: Marta')
    expect(w.find('[data-yvy="sleep"]').text()).toContain(clock(y.sleep!.this.to, 'es'))
    expect(w.text()).not.toMatch(/year_vs_year\.[a-z_]+/)
  })

  it('year_vs_year: a report of everything says to pick a year', () => {
    const w = mount(CARD_COMPONENTS.year_vs_year, { props: { report: demo } })
    expect(demo.sections.year_vs_year.note?.key).toBe('year_vs_year.needs_a_year')
    expect(w.find('[data-not-enough]').text()).toContain('Pick a year')
  })

  it('gives every chart a text summary', () => {
    const w = mount(CARD_COMPONENTS.activity, { props: { report: demo } })
    expect(w.find('figcaption').text()).toMatch(/You write most at/)
  })
})

describe('report view', () => {
  it('has every card, links to each, story and share', () => {
    const w = mount(ReportView, { props: { report: demo }, attachTo: document.body })
    for (const c of CARD_NAMES) {
      expect(w.find(`#card-${c}`).exists(), c).toBe(true)
      expect(w.find(`a[href="#/report/${c}"]`).exists(), c).toBe(true)
    }
    expect(w.find('[data-open-story]').exists()).toBe(true)
    expect(w.find('[data-open-share]').exists()).toBe(true)
    w.unmount()
  })

  it('puts the headline findings first, labels the example, says how the owner was found in words', () => {
    const report = { ...demo, owner: { ...demo.owner, how: [{ key: 'owner.inferred_from_export', params: { platform: 'whatsapp' } }] } }
    const w = mount(ReportView, { props: { report, example: true } })
    expect(w.findAll('[data-highlights] li').length).toBeGreaterThan(0)
    const html = w.html()
    expect(html.indexOf('data-highlights')).toBeLessThan(html.indexOf('data-toc'))
    expect(w.find('[data-owner-how]').text()).toBe('How we know it is you: inferred from clues in the WhatsApp export.')
    expect(w.find('[data-example-label]').text()).toMatch(/fictional/)
    expect(
      mount(ReportView, { props: { report: demo } })
        .find('[data-example-label]')
        .exists(),
    ).toBe(false)
  })

  it("puts the title before the page's links, and its tools after the findings", () => {
    const slots = { head: '<a data-back-to-files href="#/upload">back</a>', tools: '<div data-add-exports>add</div>' }
    const html = mount(ReportView, { props: { report: demo }, slots }).html()
    const at = (marker: string) => html.indexOf(marker)
    expect(at('data-report-title')).toBeGreaterThan(-1)
    expect(at('data-report-title')).toBeLessThan(at('data-back-to-files'))
    expect(at('data-back-to-files')).toBeLessThan(at('data-highlights'))
    expect(at('data-highlights')).toBeLessThan(at('data-add-exports'))
    expect(at('data-add-exports')).toBeLessThan(at('data-toc'))
    // A compact view (a card on its own) has no room for the page's tools.
    expect(
      mount(ReportView, { props: { report: demo, compact: true }, slots })
        .find('[data-add-exports]')
        .exists(),
    ).toBe(false)
  })

  it('offers filters only when the data is at hand', () => {
    const without = mount(ReportView, { props: { report: demo } })
    expect(without.find('[data-filters]').exists()).toBe(false)
    const chats = [{ id: 0, title: 'Ana', platform: 'whatsapp', kind: 'private', messages: 10 }]
    const withF = mount(ReportView, { props: { report: demo, filterable: true, chats } })
    expect(withF.find('[data-filters]').exists()).toBe(true)
  })

  it('emits the chosen filter', async () => {
    const chats = [
      { id: 0, title: 'Ana', platform: 'whatsapp', kind: 'private', messages: 10 },
      { id: 1, title: 'Bea', platform: 'whatsapp', kind: 'private', messages: 5 },
    ]
    const w = mount(ReportView, { props: { report: demo, filterable: true, chats } })
    await w.find('[data-filter-from]').setValue('2025-01-01')
    const boxes = w.findAll('input[type="checkbox"]')
    await boxes[1].setValue(false)
    await w.find('[data-filters]').trigger('submit')
    expect(w.emitted('filter')?.[0][0]).toEqual({ from: '2025-01-01', to: undefined, chats: [0] })
  })
})

describe('owner picker and file list', () => {
  it('emits the chosen participant', async () => {
    const w = mount(OwnerPicker, { props: { candidates: ['Ana', 'Bea'], status: 'ambiguous' } })
    await w.findAll('input[type="radio"]')[1].setValue(true)
    await w.find('form').trigger('submit')
    expect(w.emitted('choose')?.[0]).toEqual(['Bea'])
  })

  it('shows each file, its numbers, skipped lines and errors', () => {
    const w = mount(SourceList, {
      props: {
        sources: [
          {
            file: 'a.txt',
            bytes: 2048,
            platform: 'whatsapp',
            variant: 'android',
            date_order: 'DMY',
            records: 1200,
            chats: 1,
            lines_skipped: 2,
            skipped_examples: [{ line: 3, offset: 40, reason: { key: 'input.line_before_first_header', params: {} }, text: 'hello' }],
            notes: [],
            error: null,
          },
          {
            file: 'b.pdf',
            bytes: 10,
            platform: null,
            variant: null,
            date_order: null,
            records: 0,
            chats: 0,
            lines_skipped: 0,
            skipped_examples: [],
            notes: [],
            error: { key: 'input.binary', params: {} },
          },
        ],
      },
    })
    const items = w.findAll('[data-source-status]')
    expect(items.map((i) => i.attributes('data-source-status'))).toEqual(['ok', 'error'])
    expect(items[0].text()).toContain('1,200 messages')
    expect(items[0].text()).toContain('2 lines skipped')
    expect(items[0].text()).toContain('Line 3: Line before the first message —')
    // Words for a person, not the core's enums or a wrong plural.
    expect(items[0].text()).toContain('1,200 messages in 1 chat (WhatsApp)')
    expect(items[0].text()).toContain('exported on Android · dates read as day/month/year')
    expect(items[0].text()).not.toMatch(/\bandroid\b|\bDMY\b|1 chats/)
    expect(items[1].text()).toContain('Binary data')
  })

  it('chooses nobody by itself: the likeliest first, each with why', async () => {
    const evidence = [
      { name: 'Me', chats: 5, totalChats: 6, messages: 1204 },
      { name: 'Ana', chats: 1, totalChats: 6, messages: 3000 },
    ]
    const w = mount(OwnerPicker, { props: { candidates: ['Me', 'Ana'], evidence, status: 'ambiguous' } })
    const radios = w.findAll<HTMLInputElement>('input[type="radio"]')
    expect(radios.map((r) => r.element.checked)).toEqual([false, false])
    expect(w.find('[data-owner-confirm]').attributes('disabled')).toBeDefined()
    const why = w.findAll('[data-owner-why]').map((e) => e.text())
    expect(why).toEqual(['in 5 of 6 chats, 1,204 messages', 'in 1 of 6 chats, 3,000 messages'])
    await w.find('form').trigger('submit')
    expect(w.emitted('choose')).toBeUndefined()
  })

  it('says what a file that could not be read was taken for and links its export guide', async () => {
    const failed = (file: string, key: string) => ({
      file,
      bytes: 10,
      platform: null,
      variant: null,
      date_order: null,
      records: 0,
      chats: 0,
      lines_skipped: 0,
      skipped_examples: [],
      notes: [],
      error: { key, params: {} },
    })
    const w = mount(FileHelp, { props: { sources: [failed('result.json', 'input.json_not_telegram'), failed('notes.txt', 'input.no_whatsapp_header')] } })
    const items = w.findAll('[data-file-help]')
    expect(items.map((i) => i.attributes('data-taken-for'))).toEqual(['telegram_json', 'whatsapp_text'])
    expect(items[0].text()).toContain('Taken for a Telegram Desktop export')
    expect(items[0].text()).toContain('How to export: Telegram Desktop')
    await items[0].find('[data-guide-link]').trigger('click')
    expect(w.emitted('guide')?.[0]).toEqual(['telegram'])
  })
})
