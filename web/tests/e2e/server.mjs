// A tiny static server for the built app (until `chatlens serve --web web/dist`
// takes over): 127.0.0.1 only, the right MIME types, the app's Content Security
// Policy as a header too, and an optional fake community service.
import { createServer } from 'node:http'
import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, resolve } from 'node:path'

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
}

// community: null (no service: 404 like a plain static server), or an object
// { contributions: [] } that records POSTed bodies and answers GET with `answer`.
export async function serve(root, { port = 0, community = null } = {}) {
  const base = resolve(root)
  const index = await readFile(join(base, 'index.html'), 'utf8').catch(() => '')
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(index)?.[1]
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost')
    if (community && url.pathname === '/api/v1/contributions' && req.method === 'POST') {
      let body = ''
      for await (const chunk of req) body += chunk
      community.contributions.push({ body, headers: req.headers })
      res.writeHead(201, { 'Content-Type': 'application/json' })
      res.end('{"status":"stored"}')
      return
    }
    if (community && url.pathname === '/api/v1/community') {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify(community.answer))
      return
    }
    let path = normalize(join(base, decodeURIComponent(url.pathname)))
    if (!path.startsWith(base)) {
      res.writeHead(403).end()
      return
    }
    try {
      if ((await stat(path)).isDirectory()) path = join(path, 'index.html')
      const body = await readFile(path)
      const headers = { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' }
      if (csp && extname(path) === '.html') headers['Content-Security-Policy'] = csp
      res.writeHead(200, headers)
      res.end(body)
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found')
    }
  })
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok))
  const { port: actual } = server.address()
  return { url: `http://127.0.0.1:${actual}`, close: () => new Promise((ok) => server.close(ok)) }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const s = await serve(process.argv[2] ?? 'dist', { port: Number(process.argv[3] ?? 4173) })
  console.log(`serving ${process.argv[2] ?? 'dist'} at ${s.url}`)
}
