// Messages between the page and the analysis worker. The worker owns the core
// (WebAssembly) and the imported corpus; the page only ever sees reports.
import type { Report, Source } from '../report'

export interface InputFile {
  file: Blob // a File from a drop or a picker
  path: string // shown in messages: "WhatsApp Chat with Ana.txt", "export/result.json"
  // Met while walking a dropped or picked folder: read only when the core's platform table
  // says it may be an export (Module.mayBeExportFile), so media never reach the core.
  inFolder?: boolean
}

// A row of the core's platform table (core/import/platform_table.cpp), as the page needs it.
export interface PlatformInfo {
  name: string // "whatsapp"
  displayName: string // "WhatsApp"
  guides: string[] // export guides: tab "guide.tab.<g>", steps "guide.<g>.<n>"
  fileHint: string // i18n key: which files to give
}

// One person of one platform, as the core names them.
export interface PersonRef {
  name: string
  platform: string // "whatsapp", ...; "" for that name on any platform
}

// "a and b are one person" (confirmed), or a suggestion the user turned down.
export interface LinkPair {
  a: PersonRef
  b: PersonRef
}

// Who might be the same person, from the core (docs/person-links.md).
export interface LinkSuggestion extends LinkPair {
  reason: 'same_phone' | 'same_name' | 'name_initials'
  strength: 'strong' | 'weak'
}

// The period of the report: a year ("2024"), the twelve months ending today, everything, or
// "auto" (the core's default: the most recent year with enough data, or the last 12 months
// early in a year). With from/to the dates win (a range).
export type PeriodChoice = 'auto' | 'all' | 'last_12_months' | `${number}`

export interface ReportOptions {
  me?: string // the owner's name when the export cannot tell
  period?: PeriodChoice
  links?: LinkPair[] // people confirmed to be one
  rejected?: LinkPair[] // suggestions turned down (not asked again)
  from?: string // "YYYY-MM-DD", inclusive (local wall clock of the messages)
  to?: string
  chats?: number[] // chat ids from CorpusSummary; all when absent
}

// What was read from one input: the report's own type (docs/report.schema.json).
export type SourceReport = Source

export interface ChatSummary {
  id: number
  title: string
  platform: string
  kind: string
  messages: number
  from?: string
  to?: string
}

export interface CorpusSummary {
  messages: number
  chats: ChatSummary[]
  from: string | null
  to: string | null
}

export type Phase = 'loading' | 'reading' | 'importing' | 'analyzing'

export type ToWorker =
  // reads: 'sync' keeps FileReaderSync even where JSPI would let the reads stream; 'own' streams
  // without the reader thread (tests, benchmarks: jspi.ts forcedReads).
  | { type: 'init'; wasm: WebAssembly.Module; reads?: 'sync' | 'own' }
  | { type: 'analyze'; inputs: InputFile[]; options: ReportOptions }
  | { type: 'add'; inputs: InputFile[]; options: ReportOptions } // more exports for the report on screen
  | { type: 'report'; options: ReportOptions }

export type FromWorker =
  | { type: 'ready'; platforms: PlatformInfo[] }
  | { type: 'progress'; phase: Phase; file: string; done: number; total: number }
  | { type: 'source'; source: SourceReport }
  | { type: 'corpus'; summary: CorpusSummary }
  // candidates: the likeliest first; evidence: why, in the same order (absent from older cores)
  | {
      type: 'owner'
      status: 'ambiguous' | 'no_such_person'
      candidates: string[]
      evidence?: { name: string; chats: number; totalChats: number; messages: number }[]
    }
  | { type: 'report'; report: Report; options: ReportOptions; ms: number; wasmBytes?: number; suggestions?: LinkSuggestion[] }
  | { type: 'nothing' } // no input yielded a message: each one's error is in its source
  | { type: 'error'; message: string; fatal: boolean }
