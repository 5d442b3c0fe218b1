// The web app's Content Security Policy, taken from web/index.html so the header CloudFront adds
// can never drift from the page's own policy (the same rule `chatlens serve` follows). The
// community service is the page's own origin behind CloudFront (/api/*), so no other origin is
// added to connect-src; frame-ancestors only works as a header.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

const INDEX_HTML = join(__dirname, '../../../web/index.html')

export function pagePolicy(indexHtml: string = readFileSync(INDEX_HTML, 'utf8')): string {
  const m = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(indexHtml)
  if (!m) throw new Error(`${INDEX_HTML}: no Content-Security-Policy meta element`)
  // As the Vite build writes it: the community origin placeholder removed, spacing tidied.
  const policy = m[1]
    .replace('%CHATLENS_COMMUNITY_ORIGIN%', '')
    .replace(/'self' {2}/g, "'self' ")
    .replace(/ ;/g, ';')
  return `${policy}; frame-ancestors 'none'`
}
