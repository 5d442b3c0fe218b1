// Reports made by the current core for the web tests, during the test run: a
// generated export of fictional people (bench/gen_export) and a three-message
// chat, each analysed by the native `chatlens analyze`. They replace any
// hand-kept snapshot, so a change of the core's output shows here at once.
// Needs the release build (scripts/test-web.sh builds it; CHATLENS_BUILD names
// another build dir).
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { TestProject } from 'vitest/node'

export default function setup(project: TestProject) {
  const build = resolve(process.env.CHATLENS_BUILD ?? join(__dirname, '../../../build/release'))
  const chatlens = join(build, 'cli/chatlens')
  const gen = join(build, 'bench/gen_export')
  for (const tool of [chatlens, gen])
    if (!existsSync(tool)) throw new Error(`the web tests need ${tool}: build the release preset (cmake --build build/release --target chatlens gen_export)`)
  const tmp = mkdtempSync(join(tmpdir(), 'chatlens-web-tests-'))
  try {
    const analyze = (cwd: string, args: string[]) =>
      JSON.parse(execFileSync(chatlens, ['analyze', ...args, '-o', '-'], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 }))
    const demo = join(tmp, 'demo')
    execFileSync(gen, ['--format', 'whatsapp-android', '--messages', '3000', '--chats', '6', '--seed', '1', '--out', demo], { stdio: 'ignore' })
    const rich = analyze(demo, readdirSync(demo))
    writeFileSync(join(tmp, 'tiny.txt'), '12/9/20, 23:55 - Ana: hola\n12/9/20, 23:56 - Me: hi\n13/9/20, 08:00 - Ana: buenos días\n')
    const thin = analyze(tmp, ['tiny.txt', '--me', 'Me'])
    writeFileSync(join(tmp, 'system.txt'), '1/2/21, 10:00 - Messages and calls are end-to-end encrypted.\n1/2/21, 10:01 - Ana created group "Trip"\n')
    const empty = analyze(tmp, ['system.txt'])
    // Two years of an owner whose changes are planted (bench/planted_truth.cpp), 2024 alone.
    const planted = join(tmp, 'planted')
    execFileSync(gen, ['--planted-truth', '2', '--out', planted], { stdio: 'ignore' })
    const yearly = analyze(planted, [...readdirSync(planted).filter((f) => f !== 'truth.json'), '--year', '2024'])
    project.provide('reports', { rich, thin, empty, yearly })
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    reports: Record<'rich' | 'thin' | 'empty' | 'yearly', import('../../src/report').Report>
  }
}
