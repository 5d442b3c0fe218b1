// A hash router (works from file:// and any static server): #/, #/upload,
// #/report, #/report/CARD, #/compare, #/source.
import { ref } from 'vue'

export type Page = 'home' | 'upload' | 'report' | 'compare' | 'source'
export interface Route {
  page: Page
  card?: string
}

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean)
  switch (parts[0]) {
    case 'upload':
      return { page: 'upload' }
    case 'report':
      return { page: 'report', card: parts[1] }
    case 'compare':
      return { page: 'compare' }
    case 'source':
      return { page: 'source' }
    default:
      return { page: 'home' }
  }
}

export const route = ref<Route>(parseHash(typeof location === 'undefined' ? '' : location.hash))

export function startRouter() {
  window.addEventListener('hashchange', () => {
    route.value = parseHash(location.hash)
  })
}

export function go(page: Page, card?: string) {
  const hash = page === 'home' ? '#/' : `#/${page}${card ? `/${card}` : ''}`
  if (location.hash !== hash) location.hash = hash
  else route.value = parseHash(hash)
}
