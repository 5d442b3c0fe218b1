// What the standalone end-to-end scripts share (mixed-run.mjs, share-story.mjs): where things
// are, the exports gen_export writes for them, headless Chromium, and the run's tally, printed
// as "N passed, N failed, N skipped" like every test runner of scripts/test.sh.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

export const web = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
export const artifacts = process.env.CHATLENS_ARTIFACTS ?? join(web, '..', 'build/web-artifacts')
// The release build with gen_export.
export const build = resolve(process.env.CHATLENS_BUILD ?? join(web, '..', 'build/release'))
mkdirSync(artifacts, { recursive: true })

export function assert(cond, message) {
  if (!cond) throw new Error(message)
}

// Fresh exports in `dir` (under the artifacts): gen_export with `args`.
export function generateExports(dir, args) {
  rmSync(dir, { recursive: true, force: true })
  const genExport = join(build, 'bench/gen_export')
  assert(existsSync(genExport), `${genExport} is missing: build the release preset`)
  execFileSync(genExport, [...args, '--out', dir], { stdio: 'pipe' })
}

export function launchChromium() {
  const executablePath = process.env.CHATLENS_CHROMIUM ?? '/usr/bin/chromium'
  return chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] })
}

const results = []

// One test: its line ("ok" or "FAILED" with the stack), and its place in the tally.
export async function test(name, fn) {
  const t0 = Date.now()
  try {
    await fn()
    results.push('passed')
    console.log(`ok      ${name} (${Date.now() - t0} ms)`)
  } catch (e) {
    results.push('failed')
    console.log(`FAILED  ${name}: ${e?.stack ?? e}`)
  }
}

// The tally line, and the exit status: 1 on any failure.
export function finish() {
  const count = (s) => results.filter((r) => r === s).length
  console.log(`${count('passed')} passed, ${count('failed')} failed, 0 skipped`)
  process.exit(count('failed') ? 1 : 0)
}
