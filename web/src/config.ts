// Build-time configuration (Vite env variables), all optional.
//   VITE_COMMUNITY_URL  the community service (default: this page's own origin)
//   VITE_SOURCE_URL     where the source code is published, an http(s) address such as the
//                       repository's page (default: none; the app links its bundled #/source page)

// An absolute http(s) address, or '' for anything else (a typo must not become a broken link).
export function sourceUrl(raw: string | undefined): string {
  const text = raw?.trim() ?? ''
  if (!text) return ''
  try {
    const url = new URL(text)
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : ''
  } catch {
    return ''
  }
}

export const SOURCE_URL: string = sourceUrl(import.meta.env?.VITE_SOURCE_URL as string | undefined)
