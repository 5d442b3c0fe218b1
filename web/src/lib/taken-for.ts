// What chatlens took a file for when it could not read it, and which export
// guide shows how to make the right one. A table of the core's input.* error
// keys (FORMATS.md, core/import/*) and of the file's name; the words are in the
// catalogues (upload.taken.*, guide.tab.*).
import type { SourceReport } from '../analysis/protocol'

export type Guide = 'android' | 'iphone' | 'telegram' | 'signal'
export type TakenFor = 'whatsapp_text' | 'whatsapp_zip' | 'telegram_json' | 'signal' | 'not_an_export'

const BY_ERROR: Record<string, TakenFor> = {
  'input.no_whatsapp_header': 'whatsapp_text',
  'input.unrecognised_text': 'whatsapp_text',
  'input.header_cut_off': 'whatsapp_text',
  'input.zip_as_text': 'whatsapp_zip',
  'input.zip_unreadable': 'whatsapp_zip',
  'input.zip_corrupt': 'whatsapp_zip',
  'input.zip_without_chat': 'whatsapp_zip',
  'input.zip_entry_unreadable': 'whatsapp_zip',
  'input.zip_entry_corrupt': 'whatsapp_zip',
  'input.json_not_telegram': 'telegram_json',
  'input.invalid_json': 'telegram_json',
  'input.telegram_unreadable': 'telegram_json',
  'input.messages_not_an_array': 'telegram_json',
  'input.nested_too_deeply': 'telegram_json',
}

const BY_PLATFORM: Record<string, TakenFor> = { whatsapp: 'whatsapp_text', telegram: 'telegram_json', signal: 'signal' }

const GUIDE: Record<TakenFor, Guide | null> = {
  whatsapp_text: 'android',
  whatsapp_zip: 'iphone',
  telegram_json: 'telegram',
  signal: 'signal',
  not_an_export: null, // the guide for this device (WhatsApp on Android or iPhone)
}

export function takenFor(s: Pick<SourceReport, 'file' | 'platform' | 'error'>): TakenFor {
  const name = s.file.toLowerCase()
  if (s.platform && BY_PLATFORM[s.platform]) return BY_PLATFORM[s.platform]
  if (name.endsWith('.md')) return 'signal'
  const byError = s.error ? BY_ERROR[s.error.key] : undefined
  if (byError) return byError
  if (name.endsWith('.zip')) return 'whatsapp_zip'
  if (name.endsWith('.json')) return 'telegram_json'
  return 'not_an_export'
}

export function guideFor(taken: TakenFor, phone: Guide = defaultPhoneGuide()): Guide {
  return GUIDE[taken] ?? phone
}

export function defaultPhoneGuide(): Guide {
  return typeof navigator !== 'undefined' && /iPhone|iPad/.test(navigator.userAgent) ? 'iphone' : 'android'
}
