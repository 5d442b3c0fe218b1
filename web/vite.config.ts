/// <reference types="vitest/config" />
// Two builds from one source tree:
//   vite build                 -> dist/         the web app (index.html), served by `chatlens serve --web web/dist`
//   vite build --mode report   -> dist-report/  report.html: one self-contained file (all JS and CSS inlined),
//                                               the template `chatlens report` fills with a report's JSON.
// The community service's address is configuration: VITE_COMMUNITY_URL (default: the page's own origin).
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig, type Plugin } from 'vite'

function communityOrigin(): string {
  const url = process.env.VITE_COMMUNITY_URL?.trim()
  if (!url) return ''
  try {
    return new URL(url).origin
  } catch {
    throw new Error(`VITE_COMMUNITY_URL is not an absolute URL: ${url}`)
  }
}

// The Content Security Policy of the app: no connection but the page's own origin and
// the configured community service. In development Vite injects its own client, so
// the policy is only written into built pages.
function appCsp(): Plugin {
  return {
    name: 'chatlens-csp',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (ctx.server) return html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/, '')
        return html
          .replace('%CHATLENS_COMMUNITY_ORIGIN%', communityOrigin())
          .replace(/'self' {2}/g, "'self' ")
          .replace(/ ;/g, ';')
      },
    },
  }
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`

// Inlines the bundle's JS and CSS into report.html and pins them with CSP hashes,
// so the file opens by double-click, offline, and runs nothing else.
function singleFile(): Plugin {
  return {
    name: 'chatlens-single-file',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const html = Object.values(bundle).find((f) => f.type === 'asset' && f.fileName.endsWith('.html'))
      if (!html || html.type !== 'asset') return
      let text = String(html.source)
      const scriptHashes: string[] = []
      const styleHashes: string[] = []
      for (const [name, file] of Object.entries(bundle)) {
        if (file.type === 'chunk' && file.isEntry) {
          const code = file.code.replace(/<\/script/gi, '<\\/script').replace(/<!--/g, '<\\!--')
          const tag = new RegExp(`<script[^>]*src="[^"]*${escapeRe(name)}"[^>]*></script>`)
          if (!tag.test(text)) throw new Error(`single-file: no <script> for ${name}`)
          scriptHashes.push(sha256(code))
          text = text.replace(tag, () => `<script type="module">${code}</script>`)
          delete bundle[name]
        } else if (file.type === 'asset' && name.endsWith('.css')) {
          const css = String(file.source).replace(/<\/style/gi, '<\\/style')
          const tag = new RegExp(`<link[^>]*href="[^"]*${escapeRe(name)}"[^>]*>`)
          if (!tag.test(text)) throw new Error(`single-file: no <link> for ${name}`)
          styleHashes.push(sha256(css))
          text = text.replace(tag, () => `<style>${css}</style>`)
          delete bundle[name]
        }
      }
      const rest = Object.keys(bundle).filter((n) => n !== html.fileName)
      if (rest.length) throw new Error(`single-file: files left outside report.html: ${rest.join(', ')}`)
      text = text.replace('%CHATLENS_SCRIPT_HASHES%', scriptHashes.join(' ')).replace('%CHATLENS_STYLE_HASHES%', styleHashes.join(' ') || "'none'")
      html.source = text
    },
  }
}

// The chunks the app loads when needed (src/lib/lazy-pages.ts, src/lib/echarts-loader.ts) are
// listed in the entry, in place of the placeholder LAZY_CHUNKS holds: the page fetches them
// (modulepreload: fetched and compiled, not run) once it is idle, so the report still opens
// when the network went away after the page loaded.
function lazyChunkList(): Plugin {
  return {
    name: 'chatlens-lazy-chunks',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((f) => f.type === 'chunk')
      const entry = chunks.find((f) => f.isEntry)
      if (!entry || entry.type !== 'chunk') return
      const lazy = chunks.filter((f) => !f.isEntry && !entry.imports.includes(f.fileName)).map((f) => `./${f.fileName.split('/').pop()}`)
      const placeholder = /(["'`])__CHATLENS_LAZY_CHUNKS__\1/
      if (!placeholder.test(entry.code)) throw new Error('lazy chunks: no placeholder in the entry')
      entry.code = entry.code.replace(placeholder, () => JSON.stringify(lazy))
    },
  }
}

function escapeRe(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

export default defineConfig(({ mode }) => {
  const report = mode === 'report'
  return {
    base: './',
    define: { __CHATLENS_VERSION__: JSON.stringify(JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')).version) },
    plugins: [vue(), ...(report ? [singleFile()] : [appCsp(), lazyChunkList()])],
    resolve: {
      alias: [
        { find: '@', replacement: fileURLToPath(new URL('./src', import.meta.url)) },
        // One file holds everything: ECharts with the rest, not loaded later (src/lib/echarts-eager.ts).
        ...(report ? [{ find: /^\.\.\/lib\/echarts-loader$/, replacement: fileURLToPath(new URL('./src/lib/echarts-eager.ts', import.meta.url)) }] : []),
      ],
    },
    worker: { format: 'es' },
    build: report
      ? {
          outDir: 'dist-report',
          emptyOutDir: true,
          assetsInlineLimit: () => true,
          cssCodeSplit: false,
          modulePreload: false,
          chunkSizeWarningLimit: 4000,
          rollupOptions: { input: fileURLToPath(new URL('./report.html', import.meta.url)) },
        }
      : {
          outDir: 'dist',
          emptyOutDir: true,
          // One stylesheet, loaded with the page: a chunk loaded later then needs no stylesheet of its own (offline too).
          cssCodeSplit: false,
          chunkSizeWarningLimit: 2000,
          rollupOptions: { input: fileURLToPath(new URL('./index.html', import.meta.url)) },
        },
    test: {
      environment: 'happy-dom',
      include: ['tests/unit/**/*.test.ts'],
      setupFiles: ['tests/unit/setup.ts'],
      globalSetup: ['tests/unit/global-setup.ts'],
    },
  }
})
