// Share cards: the sizes of both formats and of the story's summary card, and no
// line of text drawn past the card's margins, whatever the finding's length.
import { describe, expect, it } from 'vitest'
import type { Highlight } from '../../src/lib/highlights'
import { CARD_SIZES, drawCard, drawSummaryCard } from '../../src/share/cards'

// A canvas whose 2D context records the text drawn; a glyph is 0.55 em wide.
function fakeCanvas() {
  const drawn: { text: string; x: number; width: number }[] = []
  const ctx = {
    font: '10px sans-serif',
    fillStyle: '',
    textBaseline: '',
    createLinearGradient: () => ({ addColorStop() {} }),
    fillRect() {},
    beginPath() {},
    arc() {},
    fill() {},
    measureText(text: string) {
      const px = Number(/(\d+)px/.exec(this.font)?.[1] ?? 10)
      return { width: Array.from(text).length * px * 0.55 }
    },
    fillText(text: string, x: number) {
      drawn.push({ text, x, width: this.measureText(text).width })
    },
  }
  const canvas = { width: 0, height: 0, getContext: () => ctx } as unknown as HTMLCanvasElement
  return { canvas, drawn }
}

const finding: Highlight = { id: 'messages', card: 'overview', big: '12.345', text: 'messages written by you, in 6 chats.' }
const long: Highlight = {
  id: 'topic',
  card: 'topics',
  big: 'supercalifragilisticexpialidocious-and-more',
  text: 'stands out in what you write about: you wrote it 8 times. '.repeat(6),
}

describe('share cards', () => {
  it('draws a post at 1080×1080 and a story at 1080×1920', () => {
    for (const format of ['square', 'story'] as const) {
      const { canvas } = fakeCanvas()
      drawCard(canvas, finding, format, 'en')
      expect([canvas.width, canvas.height]).toEqual([CARD_SIZES[format].width, CARD_SIZES[format].height])
    }
    expect(CARD_SIZES.square).toEqual({ width: 1080, height: 1080 })
    expect(CARD_SIZES.story).toEqual({ width: 1080, height: 1920 })
  })

  it('keeps every line inside the margins, in both languages', () => {
    for (const l of ['en', 'es'] as const)
      for (const format of ['square', 'story'] as const) {
        const { canvas, drawn } = fakeCanvas()
        drawCard(canvas, long, format, l, { example: true })
        expect(drawn.length).toBeGreaterThan(4)
        for (const d of drawn) expect(d.x + d.width, `${format} ${l}: ${d.text}`).toBeLessThanOrEqual(1080 - 96 + 0.5)
      }
  })

  it('says "fictional example" on cards of the example only', () => {
    const ex = fakeCanvas()
    drawCard(ex.canvas, finding, 'square', 'es', { example: true })
    expect(ex.drawn.some((d) => d.text.includes('Ejemplo ficticio'))).toBe(true)
    const own = fakeCanvas()
    drawCard(own.canvas, finding, 'square', 'es')
    expect(own.drawn.some((d) => d.text.includes('Ejemplo ficticio'))).toBe(false)
  })

  it('draws the story summary card at 1080×1920 with each finding', () => {
    const { canvas, drawn } = fakeCanvas()
    const items = [finding, { ...finding, id: 'b', big: '23:00–07:00' }, long]
    drawSummaryCard(canvas, items, 'en')
    expect([canvas.width, canvas.height]).toEqual([1080, 1920])
    for (const h of items) expect(drawn.some((d) => d.text === h.big)).toBe(true)
    for (const d of drawn) expect(d.x + d.width).toBeLessThanOrEqual(1080 - 96 + 0.5)
  })
})
