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

export function drawCard(canvas: HTMLCanvasElement, h: Highlight, format: CardFormat, l: Lang) {
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

  const margin = 96
  ctx.fillStyle = '#cfe9e2'
  ctx.textBaseline = 'alphabetic'
  ctx.font = `600 40px ${FONT}`
  ctx.fillText('chatlens', margin, margin + 30)
  ctx.font = `400 34px ${FONT}`
  ctx.fillStyle = '#cfe9e2'
  ctx.fillText(translate(l, `cards.${h.card}.title`), margin, margin + 84)

  // The big value, as large as fits.
  let size = format === 'story' ? 260 : 220
  ctx.font = `800 ${size}px ${FONT}`
  while (ctx.measureText(h.big).width > width - 2 * margin && size > 60) {
    size -= 10
    ctx.font = `800 ${size}px ${FONT}`
  }
  const centerY = format === 'story' ? height * 0.45 : height * 0.5
  ctx.fillStyle = '#ffffff'
  ctx.fillText(h.big, margin, centerY)

  ctx.font = `500 ${format === 'story' ? 60 : 52}px ${FONT}`
  ctx.fillStyle = '#ffffff'
  const lineHeight = format === 'story' ? 80 : 68
  wrap(ctx, h.text, width - 2 * margin)
    .slice(0, 5)
    .forEach((line, i) => ctx.fillText(line, margin, centerY + 110 + i * lineHeight))

  ctx.font = `400 32px ${FONT}`
  ctx.fillStyle = '#cfe9e2'
  ctx.fillText(translate(l, 'share.footer'), margin, height - margin)
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
