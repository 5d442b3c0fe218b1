// Safe reads of the report JSON: sections are added over time, so every card
// reads with defaults instead of assuming a shape.
export type Json = any

export function get(obj: Json, path: string | (string | number)[], fallback?: Json): Json {
  const parts = Array.isArray(path) ? path : path.split('.')
  let cur = obj
  for (const p of parts) {
    if (cur === null || cur === undefined || typeof cur !== 'object') return fallback
    cur = cur[p as keyof typeof cur]
  }
  return cur === undefined || cur === null ? fallback : cur
}

export function num(v: Json, fallback = 0): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback
}

export function arr<T = Json>(v: Json): T[] {
  return Array.isArray(v) ? v : []
}

export function str(v: Json, fallback = ''): string {
  return typeof v === 'string' ? v : fallback
}
