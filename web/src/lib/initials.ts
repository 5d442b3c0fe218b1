// "Ana María López" -> "A. M. L."; phone numbers and numbers-only names -> "#";
// names made only of emoji keep their first emoji. Used on shareable cards.
export function initials(name: string): string {
  const words = name
    .normalize('NFC')
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .split(/[\s\-_.]+/)
    .filter(Boolean)
  if (words.length === 0) return '?'
  if (/^[+\d\s()\-.]+$/.test(name.trim())) return '#'
  const letters: string[] = []
  for (const w of words) {
    const first = Array.from(w)[0]
    if (/\p{L}/u.test(first)) letters.push(first.toLocaleUpperCase() + '.')
    if (letters.length === 3) break
  }
  if (letters.length === 0) return Array.from(words[0])[0]
  return letters.join(' ')
}

// Replaces every known name inside a text by its initials (longest names first).
export function anonymize(text: string, names: string[]): string {
  const sorted = [...new Set(names)].filter((n) => n.trim().length > 0).sort((a, b) => b.length - a.length)
  let out = text
  for (const n of sorted) out = out.split(n).join(initials(n))
  return out
}
