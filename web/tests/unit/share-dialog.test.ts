// The share dialog works out the findings when it first opens, not with the report page
// (issue 16: the report's first screen on a slow phone); opened on a card, that card's
// finding is the one chosen.
import { mount } from '@vue/test-utils'
import { describe, expect, inject, it, vi } from 'vitest'
import { nextTick } from 'vue'
import ShareDialog from '../../src/components/ShareDialog.vue'
import { highlights } from '../../src/report/manifest'

const { rich: demo } = inject('reports')

describe('share dialog', () => {
  it('lists no finding before it opens, every finding once open, on the card asked for', async () => {
    // happy-dom's dialog and canvas: showModal opens it, the preview draws into a context that keeps nothing.
    HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
      this.setAttribute('open', '')
    }
    const ctx: unknown = new Proxy(
      {},
      { get: (_, key) => (key === 'measureText' ? () => ({ width: 10 }) : key === 'createLinearGradient' ? () => ({ addColorStop() {} }) : () => {}) },
    )
    const context = vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation((() => ctx) as unknown as HTMLCanvasElement['getContext'])
    const w = mount(ShareDialog, { props: { report: demo }, attachTo: document.body })
    expect(w.findAll('[data-share-finding] option')).toHaveLength(0)
    const all = highlights(demo, 'en', { initials: true })
    const card = all[all.length - 1].card
    ;(w.vm as unknown as { open: (card?: string) => void }).open(card)
    await nextTick()
    await nextTick()
    const options = w.findAll('[data-share-finding] option')
    expect(options.map((o) => o.attributes('data-finding-card'))).toEqual(all.map((h) => h.card))
    const select = w.find('[data-share-finding]').element as HTMLSelectElement
    expect(select.selectedOptions[0]?.getAttribute('data-finding-card')).toBe(card)
    w.unmount()
    context.mockRestore()
  })
})
