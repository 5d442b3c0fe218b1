// Build-time configuration (Vite env variables), all optional.
//   VITE_COMMUNITY_URL  the community service (default: this page's own origin)
//   VITE_SOURCE_URL     where the source code is published (default: the bundled notice, #/source)
export const SOURCE_URL: string = (import.meta.env?.VITE_SOURCE_URL as string | undefined)?.trim() || ''
