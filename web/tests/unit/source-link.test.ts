// The source address configured at build time (VITE_SOURCE_URL): only http(s) addresses become
// links, shown with the licence on the presentation and upload pages.
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import SourceLink from '../../src/components/SourceLink.vue'
import { sourceUrl } from '../../src/config'
import { setLanguage } from '../../src/i18n'

afterEach(() => setLanguage('en'))

describe('sourceUrl', () => {
  it('keeps absolute http and https addresses', () => {
    expect(sourceUrl(' https://example.org/chatlens ')).toBe('https://example.org/chatlens')
    expect(sourceUrl('http://example.org/x')).toBe('http://example.org/x')
  })
  it('turns anything else into no address', () => {
    for (const bad of [undefined, '', '   ', 'example.org/chatlens', 'javascript:alert(1)', 'ftp://example.org/']) expect(sourceUrl(bad), String(bad)).toBe('')
  })
})

describe('SourceLink', () => {
  it('links the configured repository and shows its address and the licence', async () => {
    const w = mount(SourceLink, { props: { url: 'https://example.org/chatlens' } })
    expect(w.find('[data-source-link]').attributes('href')).toBe('https://example.org/chatlens')
    expect(w.find('[data-source-url]').text()).toContain('https://example.org/chatlens')
    expect(w.text()).toContain('MIT License')
    setLanguage('es')
    await nextTick()
    expect(w.text()).toContain('licencia MIT')
  })
  it('links the bundled source page when no address was configured', () => {
    const w = mount(SourceLink, { props: { url: '' } })
    expect(w.find('[data-source-link]').attributes('href')).toBe('#/source')
    expect(w.find('[data-source-url]').exists()).toBe(false)
  })
})
