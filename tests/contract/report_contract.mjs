// The report as a contract: every report the native `chatlens analyze -o -` writes
// is validated against docs/report.schema.json (ajv, draft 2020-12, pinned in
// web/package.json), for every real export in ../shared/corpus, for generated
// exports of several shapes (bench/gen_export), and for small inline inputs that
// drive every section into its "not enough data" form. Every i18n key the reports
// carry must exist in both catalogues (web/src/i18n/en.json, es.json).
//
// Usage: node tests/contract/report_contract.mjs --chatlens PATH --gen-export PATH [--corpus DIR]
// Exit 0 when all pass, 1 on any failure, 77 (skipped, loudly) when web/node_modules lacks ajv.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const repo = join(dirname(fileURLToPath(import.meta.url)), '../..')
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name)
  return i > 0 ? process.argv[i + 1] : fallback
}
const chatlens = arg('--chatlens', join(repo, 'build/release/cli/chatlens'))
const genExport = arg('--gen-export', join(repo, 'build/release/bench/gen_export'))
const corpus = arg('--corpus', join(repo, '../shared/corpus'))

let Ajv2020
try {
  Ajv2020 = createRequire(join(repo, 'web/package.json'))('ajv/dist/2020').default
} catch {
  console.error('\n*** web/node_modules has no ajv (run: cd web && npm ci): report contract NOT CHECKED (skipped) ***\n')
  process.exit(77)
}
for (const tool of [chatlens, genExport]) if (!existsSync(tool)) throw new Error(`missing ${tool}: build the release preset first`)

// strictRequired off: the "not enough data" forms require fields inside if/then/else.
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false })
ajv.addSchema(JSON.parse(readFileSync(join(repo, 'docs/community_summary.schema.json'), 'utf8')))
const validate = ajv.compile(JSON.parse(readFileSync(join(repo, 'docs/report.schema.json'), 'utf8')))
const catalogues = Object.fromEntries(['en', 'es'].map((l) => [l, JSON.parse(readFileSync(join(repo, `web/src/i18n/${l}.json`), 'utf8'))]))

let passed = 0
const failures = []
const insufficient = new Map() // section -> inputs where enough_data was false
const sufficient = new Map()
const keys = new Map() // i18n key -> first input that emitted it

function fail(what, detail) {
  failures.push(`${what}: ${detail}`)
  console.error(`FAIL ${what}\n  ${detail.split('\n').join('\n  ')}`)
}

// Every {key, params} object, and every privacy statement (key + its ".evidence").
function collectKeys(node, where) {
  if (Array.isArray(node)) return node.forEach((n) => collectKeys(n, where))
  if (!node || typeof node !== 'object') return
  if (typeof node.key === 'string' && node.params && typeof node.params === 'object') {
    if (!keys.has(node.key)) keys.set(node.key, where)
    if (node.evidence && Object.keys(node.evidence).length && !keys.has(`${node.key}.evidence`)) keys.set(`${node.key}.evidence`, where)
  }
  Object.values(node).forEach((n) => collectKeys(n, where))
}

// Runs chatlens analyze on `files`; when the owner is ambiguous, names the first candidate.
function analyze(files, label, cwd) {
  const run = (extra) => spawnSync(chatlens, ['analyze', ...files, '-o', '-', ...extra], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 })
  let r = run([])
  if (r.status === 2 && /Candidates:/.test(r.stderr)) {
    const first = r.stderr.split('Candidates:\n')[1].split('\n')[0].trim()
    r = run(['--me', first])
  }
  if (!r.stdout.trim()) return fail(label, `no report (exit ${r.status}): ${r.stderr.trim().slice(0, 300)}`)
  let report
  try {
    report = JSON.parse(r.stdout)
  } catch (e) {
    return fail(label, `not JSON: ${e.message}`)
  }
  check(report, label)
}

function check(report, label) {
  if (!validate(report)) {
    const errors = validate.errors.slice(0, 8).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`)
    return fail(label, errors.join('\n'))
  }
  passed++
  for (const [name, section] of Object.entries(report.sections)) {
    const map = section.enough_data ? sufficient : insufficient
    if (!map.has(name)) map.set(name, label)
  }
  collectKeys(report, label)
}

// 1. Every real export (the same selection as tests/corpus/insights_corpus_test.cpp).
function corpusFiles(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    if (statSync(p).isDirectory()) return f === '_reference' ? [] : corpusFiles(p)
    if (!/\.(txt|json)$/.test(f) || f.includes('target') || /^(EXPECTED|EXTRACTED)/.test(f) || f === 'MANIFEST.json') return []
    return [p]
  })
}
let realExports = 0
if (existsSync(corpus)) {
  for (const file of corpusFiles(corpus)) {
    analyze([basename(file)], `corpus ${file.slice(corpus.length + 1)}`, dirname(file))
    realExports++
  }
} else {
  console.error(`\n*** SHARED CORPUS NOT FOUND at ${corpus}: real exports NOT validated ***\n`)
}

// 2. Generated exports of several shapes, alone and together.
const tmp = mkdtempSync(join(tmpdir(), 'chatlens-contract-'))
try {
  const shapes = [
    ['whatsapp-android', 3000, 6, 1, 24],
    ['whatsapp-ios', 1500, 3, 2, 12],
    ['telegram', 2000, 4, 3, 24],
    ['whatsapp-android', 40, 1, 4, 24],
  ]
  const all = []
  for (const [format, messages, chats, seed, clock] of shapes) {
    const out = join(tmp, `${format}-${messages}`)
    execFileSync(genExport, ['--format', format, '--messages', String(messages), '--chats', String(chats), '--seed', String(seed), '--clock', String(clock), '--out', out], { stdio: 'ignore' })
    const files = statSync(out).isDirectory() ? readdirSync(out).map((f) => join(out, f)) : [out]
    all.push(...files)
    analyze(files, `generated ${format} ${messages} messages in ${chats} chats`, tmp)
  }
  analyze(all, 'generated exports together', tmp)
  // Two years of an owner with planted changes, 2024 alone: year_vs_year with enough data.
  const planted = join(tmp, 'planted')
  execFileSync(genExport, ['--planted-truth', '2', '--out', planted], { stdio: 'ignore' })
  const plantedFiles = readdirSync(planted).filter((f) => f !== 'truth.json')
  analyze([...plantedFiles.map((f) => join(planted, f)), '--year', '2024'], 'planted two-year owner, --year 2024', tmp)
  // One owner on six platforms, the same friends linked (--same-file): owner.same_name_elsewhere, people on several platforms.
  const mixed = join(tmp, 'mixed')
  execFileSync(genExport, ['--format', 'mixed', '--out', mixed], { stdio: 'ignore' })
  const mixedTruth = JSON.parse(readFileSync(join(mixed, 'truth.json'), 'utf8'))
  analyze([...mixedTruth.platforms.map((p) => join(mixed, p.file)), '--same-file', join(mixed, 'same.txt')], 'six-platform mixed run, linked', tmp)

  // 3. Small inputs for the "not enough data" forms, and inputs that cannot be read.
  const write = (name, text) => (writeFileSync(join(tmp, name), text), join(tmp, name))
  const tiny = write('tiny.txt', '12/9/20, 23:55 - Ana: hola\n12/9/20, 23:56 - Me: hi\n13/9/20, 08:00 - Ana: 😀 buenos días\n')
  analyze([tiny, '--me', 'Me'], 'three messages', tmp)
  const group = write('group.txt', '1/2/21, 10:00 - Ana: hola\n1/2/21, 10:01 - Ben: hey\n1/2/21, 10:02 - Me: hi all\n')
  analyze([group, '--me', 'Me'], 'a small group', tmp)
  const system = write('system.txt', '1/2/21, 10:00 - Messages and calls are end-to-end encrypted.\n1/2/21, 10:01 - Ana created group "Trip"\n')
  analyze([system], 'system lines only', tmp)
  analyze([write('empty.txt', ''), write('noise.txt', 'not an export\n'), tiny, '--me', 'Me'], 'unreadable inputs beside a readable one', tmp)
  analyze([write('bad.json', '{"name": "x", "messages": [ {"id": 1, ')], 'broken JSON', tmp)
} finally {
  rmSync(tmp, { recursive: true, force: true })
}

// Every section must have been seen in both forms, so both are validated.
const sections = Object.keys(JSON.parse(readFileSync(join(repo, 'docs/report.schema.json'), 'utf8')).properties.sections.properties)
for (const name of sections) {
  if (!insufficient.has(name)) fail(`section ${name}`, 'no input drove it into its "not enough data" form')
  if (!sufficient.has(name)) fail(`section ${name}`, 'no input gave it enough data')
}
const inCatalogue = (cat, key) => key in cat || (`${key}.one` in cat && `${key}.other` in cat)
for (const [key, where] of keys)
  for (const [lang, cat] of Object.entries(catalogues)) if (!inCatalogue(cat, key)) fail(`i18n key ${key}`, `missing in web/src/i18n/${lang}.json (emitted for ${where})`)

console.log(`report contract: ${passed} reports valid (${realExports} real exports), ${keys.size} i18n keys seen, ${sections.length} sections in both forms`)
console.log(`${passed} passed, ${failures.length} failed, 0 skipped`)
process.exit(failures.length ? 1 : 0)
