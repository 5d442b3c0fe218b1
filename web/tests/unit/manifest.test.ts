// One manifest per side: the web app's (src/report/manifest.ts) must show every
// section the core registers (core/insights/registry.cpp, read through the
// WebAssembly module and a report of the native command), and nothing else; the
// schema (docs/report.schema.json) describes exactly the same sections.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import type { CoreModule } from '../../src/analysis/engine'
import { CARD_COMPONENTS } from '../../src/cards'
import { CARD_NAMES, CARDS, highlights, OTHER_VIEWS, shareFormats, SHOWN_SECTIONS, type CardSpec } from '../../src/report/manifest'
import { coreBuilt, loadCore } from './core'

const schema = JSON.parse(readFileSync(join(__dirname, '../../../docs/report.schema.json'), 'utf8'))
const schemaSections = Object.keys(schema.properties.sections.properties)
const { rich } = inject('reports')

let core: CoreModule
beforeAll(async () => {
  if (coreBuilt) core = await loadCore()
})

describe('section manifest', () => {
  it('shows every section of the native core, and no other', () => {
    expect([...SHOWN_SECTIONS].sort()).toEqual(Object.keys(rich.sections).sort())
  })

  it.skipIf(!coreBuilt)('shows every section the WebAssembly core registers, and no other', () => {
    expect([...SHOWN_SECTIONS].sort()).toEqual([...core.sectionNames()].sort())
  })

  it('names the same sections as the schema', () => {
    expect([...SHOWN_SECTIONS].sort()).toEqual([...schemaSections].sort())
    expect(schema.properties.sections.required.sort()).toEqual([...schemaSections].sort())
  })

  it('gives every card a component, a title, and a place for its findings', () => {
    expect(Object.keys(CARD_COMPONENTS).sort()).toEqual([...CARD_NAMES].sort())
    for (const c of CARDS) {
      expect(c.sections.length, c.name).toBeGreaterThan(0)
      // Every card can be shared, as a post and as a story (issue 12, point 7).
      expect(typeof (c as CardSpec).highlights, c.name).toBe('function')
      expect([...shareFormats(c.name)].sort(), c.name).toEqual(['square', 'story'])
    }
    for (const section of Object.keys(OTHER_VIEWS)) expect(CARDS.some((c) => (c.sections as readonly string[]).includes(section))).toBe(false)
  })

  it('derives story slides and share cards from the cards of the manifest', () => {
    const found = highlights(rich, 'en')
    expect(found.length).toBeGreaterThan(6)
    for (const h of found) expect(CARD_NAMES).toContain(h.card)
    expect(new Set(found.map((h) => h.card)).size).toBeGreaterThan(5)
  })
})
