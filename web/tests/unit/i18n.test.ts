// The catalogue: every key in both languages, every key the code uses exists,
// the same {parameters} on both sides, plural forms complete.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { catalogs, detectLanguage, translate, translatePlural } from '../../src/i18n'
import { en } from '../../src/i18n/en'
import { es } from '../../src/i18n/es'
import { PRIVACY_KEYS } from '../../src/lib/privacy'
import { CARD_SECTIONS } from '../../src/lib/sections'

const SRC = join(__dirname, '../../src')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    if (statSync(p).isDirectory()) return f === 'wasm-gen' || f === 'i18n' ? [] : sourceFiles(p)
    return /\.(ts|vue)$/.test(f) ? [p] : []
  })
}

const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe('i18n catalogue', () => {
  it('has the same keys in English and Spanish', () => {
    const missingEs = Object.keys(en).filter((k) => !(k in es))
    const missingEn = Object.keys(es).filter((k) => !(k in en))
    expect(missingEs, 'keys missing in es.ts').toEqual([])
    expect(missingEn, 'keys missing in en.ts').toEqual([])
  })

  it('uses the same parameters in both languages', () => {
    const differ = Object.keys(en).filter((k) => params(en[k]).join() !== params(es[k] ?? '').join())
    expect(differ).toEqual([])
  })

  it('has no empty messages', () => {
    for (const [lang, cat] of Object.entries(catalogs))
      expect(
        Object.entries(cat)
          .filter(([, v]) => !v.trim())
          .map(([k]) => `${lang}:${k}`),
      ).toEqual([])
  })

  it('defines every key the code uses literally', () => {
    const used = new Set<string>()
    for (const file of sourceFiles(SRC)) {
      const text = readFileSync(file, 'utf8')
      for (const m of text.matchAll(/\b(?:t|tn|translate|translatePlural)\((?:l, |lang\.value, |l,|lang\.value,)?\s*'([a-z_]+(?:\.[a-z0-9_]+)+)'/g))
        used.add(m[1])
      for (const m of text.matchAll(/'(single\.(?:template|invalid)|owner\.(?:lead|no_such_person))'/g)) used.add(m[1])
    }
    expect(used.size).toBeGreaterThan(150)
    const plural = (k: string) => `${k}.one` in en && `${k}.other` in en
    const missing = [...used].filter((k) => !(k in en) && !plural(k))
    expect(missing).toEqual([])
  })

  it('defines the keys the code builds from names', () => {
    const dynamic = [
      ...CARD_SECTIONS.flatMap((c) => [`cards.${c}.title`, `cards.${c}.lead`]),
      ...['owner_messages', 'owner_replies', 'others_messages'].flatMap((v) => [`activity.view.${v}`, `activity.peaks.${v}`]),
      ...['you_reply', 'they_reply'].map((r) => `reply_speed.${r}`),
      // Sentences the core writes as {key, params} (core/insights/*.cpp).
      ...[
        'method',
        'window_few_messages',
        'window_none',
        'window_too_short',
        'window_too_long',
        'silence_upper_bound',
        'silence_too_short',
        'silence_too_long',
        'few_nights',
      ].map((k) => `sleep.${k}`),
      'work.few_messages',
      'comings_goings.no_messages',
      'comings_goings.short_history',
      'reply_speed.few_replies',
      'topics.method',
      'topics.few_words',
      'conversations.few_conversations',
      'reply_speed.scope.private',
      'reply_speed.scope.groups',
      ...['night_owl', 'early_bird', 'in_between'].map((v) => `sleep.verdict.${v}`),
      ...['loading', 'reading', 'importing', 'analyzing'].map((p) => `progress.phase.${p}`),
      ...['avg_text_length', 'messages_per_active_day', 'minutes_per_day'].map((m) => `compare.${m}`),
      ...['android', 'iphone', 'telegram', 'signal'].map((g) => `guide.tab.${g}`),
      ...['home', 'upload', 'report', 'compare', 'source'].map((p) => `nav.${p}`),
      'lang.en',
      'lang.es',
      'platform.whatsapp',
      'platform.telegram',
      'platform.signal',
      'share.format_square',
      'share.format_story',
      'topics.by_year',
      'topics.by_chat',
      ...['positive', 'neutral', 'negative'].map((w) => `mood.word.${w}`),
    ]
    expect(dynamic.filter((k) => !(k in en))).toEqual([])
  })

  it('renders every privacy statement of the core in both languages', () => {
    for (const key of PRIVACY_KEYS) {
      expect(en[key], key).toBeTruthy()
      expect(es[key], key).toBeTruthy()
      expect(es[key]).not.toEqual(en[key])
    }
  })

  it('has both plural forms wherever one exists', () => {
    const bases = new Set(
      Object.keys(en)
        .filter((k) => /\.(one|other)$/.test(k))
        .map((k) => k.replace(/\.(one|other)$/, '')),
    )
    for (const b of bases) {
      expect(en[`${b}.one`], b).toBeTruthy()
      expect(en[`${b}.other`], b).toBeTruthy()
    }
  })

  it('interpolates, pluralises and falls back', () => {
    expect(translate('en', 'story.position', { n: 2, total: 9 })).toBe('2 of 9')
    expect(translate('es', 'story.position', { n: 2, total: 9 })).toBe('2 de 9')
    expect(translatePlural('en', 'unit.messages', 1)).toBe('1 message')
    expect(translatePlural('es', 'unit.messages', 1200)).toBe('1200 mensajes'.replace('1200', new Intl.NumberFormat('es').format(1200)))
    expect(translate('en', 'no.such.key')).toBe('no.such.key')
  })

  it('picks the language from the browser', () => {
    expect(detectLanguage(['es-AR', 'en'])).toBe('es')
    expect(detectLanguage(['fr-FR', 'en-GB'])).toBe('en')
    expect(detectLanguage(['de'])).toBe('en')
  })
})
