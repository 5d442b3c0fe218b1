// Typed reading of the report. The types are generated from docs/report.schema.json
// (src/report/types.gen.ts); a renamed field is a type error in the card that reads
// it, not a silently empty card.
import type { ChatlensReport, Message } from './types.gen'

export type * from './types.gen'
export type Report = ChatlensReport
export type Sections = Report['sections']
export type SectionName = keyof Sections

// A report as the views receive it: any section may be missing (a report written
// by an older core, or a test's partial report).
export type ReportLike = Partial<Omit<Report, 'sections'>> & { sections?: Partial<Sections> }

export function section<K extends SectionName>(report: ReportLike | null | undefined, name: K): Sections[K] | undefined {
  return report?.sections?.[name]
}

// Whether a section has data to show: present and not in its "not enough data" form.
export function enough(s: { enough_data: boolean } | null | undefined): boolean {
  return !!s && s.enough_data === true
}

// The note of a section in its "not enough data" form, when it has one.
export function noteOf(s: { note?: Message } | null | undefined): Message | undefined {
  return s?.note
}
