// The catalogue: every key in both languages, every key the code uses exists,
// every key the core can emit exists (a scan of core/ and native/ for key
// literals; tests/contract/report_contract.mjs checks the keys of real reports),
// the same {parameters} on both sides, plural forms complete.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { catalogs, detectLanguage, translate, translateMessage, translatePlural } from '../../src/i18n'
import { PERCENTILE_MEASURES } from '../../src/community/percentile'
import { CHAPTERS } from '../../src/lib/story'
import { CARD_NAMES } from '../../src/report/manifest'

const SRC = join(__dirname, '../../src')
const REPO = join(__dirname, '../../..')
const en: Record<string, string> = catalogs.en
// Names the web app turns into keys, read from the schema rather than listed again.
const SCHEMA = JSON.parse(readFileSync(join(REPO, 'docs/report.schema.json'), 'utf8'))
const MEDIA_KINDS: string[] = SCHEMA.$defs.media.properties.kinds.items.enum
const VERDICTS: string[] = SCHEMA.$defs.sleep.properties.verdict.enum.filter((v: string | null) => v !== null)
const es: Record<string, string> = catalogs.es

function sourceFiles(dir: string, ext = /\.(ts|vue)$/): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    if (statSync(p).isDirectory()) return f === 'wasm-gen' || f === 'i18n' ? [] : sourceFiles(p, ext)
    return ext.test(f) ? [p] : []
  })
}

// Keys the C++ sources can put in a report: string literals shaped like a key
// ("section.name") that start with a known namespace, as written in message(),
// mark_insufficient(), SourceMessage{...} and the privacy statements.
const CORE_NAMESPACES =
  /^(overview|activity|reply_speed|mood|comings_goings|topics|sleep|work|shared_groups|emoji_wall|media|year_vs_year|privacy|community_summary|owner|input|summary)\./
function coreKeys(): Map<string, string> {
  const keys = new Map<string, string>()
  for (const dir of ['core', 'native', 'cli', 'web/wasm'])
    for (const file of sourceFiles(join(REPO, dir), /\.(cpp|hpp)$/)) {
      const text = readFileSync(file, 'utf8')
      for (const m of text.matchAll(/"([a-z_]+(?:\.[a-z0-9_]+)+)"/g))
        if (CORE_NAMESPACES.test(m[1]) && !/\.(cpp|hpp|md|json|txt|zip)$/.test(m[1])) keys.set(m[1], file.slice(REPO.length + 1))
    }
  return keys
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
      ...CARD_NAMES.flatMap((c) => [`cards.${c}.title`, `cards.${c}.lead`]),
      ...MEDIA_KINDS.map((k) => `media.kind_${k}`),
      ...MEDIA_KINDS.filter((k) => k !== 'other').map((k) => `hl.media.${k}`),
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
      'comings_goings.no_exchanges',
      'comings_goings.short_history',
      'reply_speed.few_replies',
      'topics.method',
      'topics.few_words',
      'conversations.few_conversations',
      'reply_speed.scope.private',
      'reply_speed.scope.groups',
      ...VERDICTS.flatMap((v) => [`sleep.verdict.${v}`, `sleep.verdict_phrase.${v}`]),
      ...['loading', 'reading', 'importing', 'analyzing'].map((p) => `progress.phase.${p}`),
      ...['avg_text_length', 'messages_per_active_day', 'minutes_per_day'].map((m) => `compare.${m}`),
      ...PERCENTILE_MEASURES.flatMap((m) => [m.key, `compare.row.${m.measure}`]),
      ...CHAPTERS.map((c) => `story.chapter.${c}`),
      ...['android', 'iphone', 'telegram', 'signal', 'messenger', 'instagram', 'discord'].map((g) => `guide.tab.${g}`),
      ...['messenger', 'instagram'].flatMap((g) => [1, 2, 3].map((n) => `guide.${g}.${n}`)),
      ...['whatsapp', 'telegram', 'signal', 'messenger', 'instagram', 'discord'].map((p) => `upload.hint.${p}`),
      ...['home', 'upload', 'report', 'compare', 'source'].map((p) => `nav.${p}`),
      'lang.en',
      'lang.es',
      'platform.whatsapp',
      'platform.telegram',
      'platform.signal',
      'platform.messenger',
      'platform.instagram',
      'platform.discord',
      'share.format_square',
      'share.format_story',
      'topics.by_year',
      'topics.by_chat',
      ...['positive', 'neutral', 'negative'].map((w) => `mood.word.${w}`),
      // What a file that could not be read was taken for, and how to export the right one (src/lib/taken-for.ts).
      ...['whatsapp_text', 'whatsapp_zip', 'telegram_json', 'signal', 'not_an_export'].flatMap((k) => [`upload.taken.${k}`, `upload.fix.${k}`]),
      // The importers' variants and date orders (core/import/*: report.variant, report.date_order).
      ...['android', 'ios', 'ios_2017', 'no_separator', 'single_chat', 'full_account', 'json', 'markdown', 'markdown_old', 'dyi', 'dyi_profile'].map(
        (v) => `sources.variant.${v}`,
      ),
      ...['dmy', 'mdy', 'ymd', 'myd'].map((o) => `sources.date_order.${o}`),
      // One person across platforms (core/model/link_suggestions.hpp; PersonLinks.vue).
      ...['same_phone', 'same_name', 'name_initials'].map((r) => `links.reason.${r}`),
      ...['strong', 'weak'].map((s) => `links.strength.${s}`),
      'links.confirmed',
      'links.rejected',
    ]
    expect(dynamic.filter((k) => !(k in en) && !(`${k}.one` in en && `${k}.other` in en))).toEqual([])
  })

  it('has every key the core can emit, in both languages', () => {
    const keys = coreKeys()
    expect(keys.size, 'key literals found in the C++ sources').toBeGreaterThan(60)
    const plural = (cat: Record<string, string>, k: string) => k in cat || (`${k}.one` in cat && `${k}.other` in cat)
    const missing = [...keys].filter(([k]) => !plural(en, k) || !plural(es, k)).map(([k, file]) => `${k} (${file})`)
    expect(missing).toEqual([])
    // The privacy statements are written in Spanish, not left in English.
    for (const k of [...keys.keys()].filter((k) => k.startsWith('privacy.') && k in en)) expect(es[k], k).not.toEqual(en[k])
  })

  it('renders messages with plurals and sentences inside sentences', () => {
    expect(translateMessage('en', { key: 'summary.lines_skipped', params: { count: 1 } })).toBe('1 line skipped')
    expect(translateMessage('es', { key: 'summary.lines_skipped', params: { count: 2 } })).toBe('2 líneas omitidas')
    const nested = { key: 'input.unexpected_values', params: { count: 3, issue: { key: 'input.issue_date', params: {} } } }
    expect(translateMessage('es', nested)).toContain('una fecha que no se puede leer')
  })

  it('keeps one full stop when a name ends with its own', () => {
    expect(translatePlural('en', 'hl.faded', 2, { names: 'A. B. and L. F.' })).toBe('people you used to write to often went silent, such as A. B. and L. F.')
    expect(translate('en', 'hl.fastest', { name: 'L. F.' })).toBe('is how fast you typically reply to L. F. Nobody gets answered faster.')
    expect(translate('es', 'hl.fastest', { name: 'Ana' })).toBe('es lo que sueles tardar en contestar a Ana. A nadie contestas antes.')
    // Only a dot of the sentence right after the value is merged; the value's own dots stay.
    expect(translate('en', 'story.position', { n: 'v2.', total: 9 })).toBe('v2. of 9')
    for (const [lang, cat] of Object.entries(catalogs))
      expect(
        Object.values(cat).filter((v) => /[^.]\.\.(\s|$)/.test(v)),
        lang,
      ).toEqual([])
  })

  it('reads a fixed threshold naturally, whatever its value', () => {
    const thresholds = [
      'activity.few_messages',
      'mood.few_scored',
      'reply_speed.few_replies',
      'sleep.few_nights',
      'topics.few_words',
      'media.too_few',
      'sleep.window_few_messages',
      'conversations.few_conversations',
    ]
    for (const l of ['en', 'es'] as const)
      for (const key of thresholds) {
        const one = translateMessage(l, { key, params: { min: 1 } })
        const fifty = translateMessage(l, { key, params: { min: 50 } })
        expect(one, `${l} ${key}`).not.toMatch(/\b1\b/) // "Fewer than 1 messages" says "no messages"
        expect(fifty, `${l} ${key}`).toContain('50')
        expect(fifty, `${l} ${key}`).not.toMatch(/[{}]/)
      }
    expect(translateMessage('en', { key: 'activity.few_messages', params: { min: 50 } })).toBe('Fewer than 50 messages of yours: the hours would be noise.')
    expect(translatePlural('es', 'reply_speed.nobody', 1)).toBe('Aún no ha respondido nadie.')
    expect(translatePlural('en', 'reply_speed.nobody', 5)).toBe('Nobody with at least 5 replies yet.')
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
