// Shareable PNG cards, drawn in the browser on a canvas: 1080×1080 (posts) and
// 1080×1920 (stories). They hold one finding and never any message text.
import { translate, type Lang } from '../i18n'
import type { Highlight } from '../lib/highlights'

export type CardFormat = 'square' | 'story'
export const CARD_SIZES: Record<CardFormat, { width: number; height: number }> = {
  square: { width: 1080, height: 1080 },
  story: { width: 1080, height: 1920 },
}

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif, 'Noto Color Emoji', 'Apple Color Emoji'"

function wrap(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string[] {
  const words = text.split(/\s+/)
  const lines: string[] = []
  let line = ''
  for (const w of words) {
    const next = line ? `${line} ${w}` : w
    if (ctx.measureText(next).width > maxWidth && line) {
      lines.push(line)
      line = w
    } else line = next
  }
  if (line) lines.push(line)
  return lines
}

export interface CardOptions {
  example?: boolean // the built-in fictional example: the card says so
}

// The size-dependent layout of a card (data, apart from the drawing).
const LAYOUT: Record<CardFormat, { big: number; text: number; line: number; centerY: number }> = {
  square: { big: 220, text: 52, line: 68, centerY: 0.5 },
  story: { big: 260, text: 60, line: 80, centerY: 0.45 },
}
const MARGIN = 96

// The background, the brand line and the footer every card shares; returns the context.
function frame(canvas: HTMLCanvasElement, format: CardFormat, l: Lang, title: string, opts: CardOptions): CanvasRenderingContext2D {
  const { width, height } = CARD_SIZES[format]
  canvas.width = width
  canvas.height = height
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('no 2d canvas')
  const g = ctx.createLinearGradient(0, 0, width, height)
  g.addColorStop(0, '#0f5b4f')
  g.addColorStop(1, '#06302a')
  ctx.fillStyle = g
  ctx.fillRect(0, 0, width, height)
  // A soft circle for depth.
  ctx.fillStyle = 'rgba(255,255,255,0.06)'
  ctx.beginPath()
  ctx.arc(width * 0.85, height * 0.15, width * 0.45, 0, Math.PI * 2)
  ctx.fill()

  ctx.fillStyle = '#cfe9e2'
  ctx.textBaseline = 'alphabetic'
  ctx.font = `600 40px ${FONT}`
  ctx.fillText('chatlens', MARGIN, MARGIN + 30)
  ctx.font = `400 34px ${FONT}`
  fitText(ctx, title, MARGIN, MARGIN + 84, width - 2 * MARGIN)
  ctx.font = `400 32px ${FONT}`
  const footer = opts.example ? `${translate(l, 'share.example')} · ${translate(l, 'share.footer')}` : translate(l, 'share.footer')
  fitText(ctx, footer, MARGIN, height - MARGIN, width - 2 * MARGIN)
  return ctx
}

// One line that never runs past maxWidth: shrinks the font's pixel size when needed.
function fitText(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, maxWidth: number) {
  const m = /(\d+)px/.exec(ctx.font)
  let size = m ? Number(m[1]) : 32
  while (ctx.measureText(text).width > maxWidth && size > 16) {
    size -= 2
    ctx.font = ctx.font.replace(/\d+px/, `${size}px`)
  }
  ctx.fillText(text, x, y)
}

export function drawCard(canvas: HTMLCanvasElement, h: Highlight, format: CardFormat, l: Lang, opts: CardOptions = {}) {
  const { width, height } = CARD_SIZES[format]
  const layout = LAYOUT[format]
  const ctx = frame(canvas, format, l, h.title ?? translate(l, `cards.${h.card}.title`), opts)

  // The big value, as large as fits.
  let size = layout.big
  ctx.font = `800 ${size}px ${FONT}`
  while (ctx.measureText(h.big).width > width - 2 * MARGIN && size > 60) {
    size -= 10
    ctx.font = `800 ${size}px ${FONT}`
  }
  const centerY = height * layout.centerY
  ctx.fillStyle = '#ffffff'
  fitText(ctx, h.big, MARGIN, centerY, width - 2 * MARGIN)

  ctx.font = `500 ${layout.text}px ${FONT}`
  wrap(ctx, h.text, width - 2 * MARGIN)
    .slice(0, 5)
    .forEach((line, i) => fitText(ctx, line, MARGIN, centerY + 110 + i * layout.line, width - 2 * MARGIN))
}

// The story's closing card: several findings on one 1080×1920 picture.
export function drawSummaryCard(canvas: HTMLCanvasElement, items: Highlight[], l: Lang, opts: CardOptions = {}) {
  const { width } = CARD_SIZES.story
  const ctx = frame(canvas, 'story', l, translate(l, 'story.summary_title'), opts)
  let y = 330
  for (const h of items.slice(0, 6)) {
    ctx.fillStyle = '#ffffff'
    ctx.font = `800 96px ${FONT}`
    fitText(ctx, h.big, MARGIN, y, width - 2 * MARGIN)
    ctx.fillStyle = '#cfe9e2'
    ctx.font = `500 40px ${FONT}`
    const lines = wrap(ctx, h.text, width - 2 * MARGIN).slice(0, 2)
    lines.forEach((line, i) => fitText(ctx, line, MARGIN, y + 60 + i * 50, width - 2 * MARGIN))
    y += 110 + lines.length * 50 + 40
  }
}

export function canvasBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('canvas.toBlob failed'))), 'image/png'))
}

export function cardFileName(h: Highlight, format: CardFormat): string {
  const { width, height } = CARD_SIZES[format]
  return `chatlens-${h.id}-${width}x${height}.png`
}

// Web Share with the file where the browser can, a download otherwise.
export async function shareOrDownload(blob: Blob, fileName: string, title: string, preferShare = true): Promise<'shared' | 'downloaded'> {
  const file = typeof File !== 'undefined' ? new File([blob], fileName, { type: 'image/png' }) : null
  const nav = navigator as Navigator & { canShare?: (data: ShareData) => boolean }
  if (preferShare && file && nav.share && nav.canShare?.({ files: [file] })) {
    try {
      await nav.share({ files: [file], title })
      return 'shared'
    } catch (e) {
      if ((e as DOMException)?.name === 'AbortError') return 'shared'
    }
  }
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.rel = 'noopener'
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
  return 'downloaded'
}
