// The year picker of the filter bar (issue 15): the years of the report, the last 12 months
// and everything; the report's own period selected; a pick re-runs the report with it.
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import FilterBar from '../../src/components/FilterBar.vue'
import { setLanguage } from '../../src/i18n'

afterEach(() => setLanguage('en'))

const years = [
  { year: 2022, messages: 40, owner_messages: 20, owner_active_days: 5, enough_data: false },
  { year: 2023, messages: 900, owner_messages: 400, owner_active_days: 120, enough_data: true },
  { year: 2024, messages: 800, owner_messages: 380, owner_active_days: 110, enough_data: true },
]
const base = { chats: [{ id: 0, title: 'Ana', platform: 'whatsapp', kind: 'private', messages: 10 }], min: null, max: null, busy: false }

describe('period picker', () => {
  it("offers the years, most recent first, and selects the report's year", () => {
    const w = mount(FilterBar, { props: { ...base, options: { period: 'auto' }, years, period: { kind: 'year', from: '2024-01-01', to: '2024-12-31' } } })
    const picker = w.find('[data-period-picker]')
    const options = picker.findAll('option').map((o) => [o.attributes('value'), o.text()])
    expect(options).toEqual([
      ['2024', '2024'],
      ['2023', '2023'],
      ['2022', '2022 (little data)'],
      ['last_12_months', 'Last 12 months'],
      ['all', 'All time'],
    ])
    expect((picker.element as HTMLSelectElement).value).toBe('2024')
  })

  it('re-runs with the period picked, dropping dates chosen by hand', async () => {
    const w = mount(FilterBar, {
      props: { ...base, options: { me: 'Me', from: '2024-01-01' }, years, period: { kind: 'range', from: '2024-01-01', to: '2024-12-31' } },
    })
    expect((w.find('[data-period-picker]').element as HTMLSelectElement).value).toBe('range')
    await w.find('[data-period-picker]').setValue('2023')
    expect(w.emitted('apply')![0][0]).toEqual({ me: 'Me', period: '2023', from: undefined, to: undefined })
    await w.find('[data-period-picker]').setValue('last_12_months')
    expect(w.emitted('apply')![1][0]).toMatchObject({ period: 'last_12_months' })
  })

  it('speaks Spanish', async () => {
    setLanguage('es')
    const w = mount(FilterBar, { props: { ...base, options: {}, years, period: { kind: 'all', from: '2022-01-01', to: '2024-12-31' } } })
    expect(w.find('[data-period-picker]').text()).toContain('Últimos 12 meses')
    expect((w.find('[data-period-picker]').element as HTMLSelectElement).value).toBe('all')
  })
})
