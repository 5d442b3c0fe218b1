// Generates web/src/report/types.gen.ts from docs/report.schema.json (and the
// community summary's schema it refers to) with json-schema-to-typescript.
//   node scripts/gen-report-types.mjs          writes the file
//   node scripts/gen-report-types.mjs --check  fails when the committed file is not what the schema gives
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { compile } from 'json-schema-to-typescript'

const web = join(dirname(fileURLToPath(import.meta.url)), '..')
const docs = join(web, '../docs')
const out = join(web, 'src/report/types.gen.ts')
const report = JSON.parse(readFileSync(join(docs, 'report.schema.json'), 'utf8'))
const community = JSON.parse(readFileSync(join(docs, 'community_summary.schema.json'), 'utf8'))

const banner = `// GENERATED from docs/report.schema.json by web/scripts/gen-report-types.mjs
// (json-schema-to-typescript). Do not edit: change the schema and run
//   cd web && npm run gen:types
// scripts/test-web.sh fails when this file is out of date.`

// A "$ref" with a description beside it documents the field in the schema; to the
// generator it would be a new type each time: keep the reference alone.
function bareRefs(node) {
  if (Array.isArray(node)) return node.map(bareRefs)
  if (!node || typeof node !== 'object') return node
  if (typeof node.$ref === 'string') return { $ref: node.$ref }
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, bareRefs(v)]))
}

const text = await compile(bareRefs(report), 'Report', {
  bannerComment: banner,
  cwd: docs,
  declareExternallyReferenced: true,
  additionalProperties: false,
  unreachableDefinitions: true,
  ignoreMinAndMaxItems: true,
  strictIndexSignatures: false,
  format: true,
  style: { semi: false, singleQuote: true, printWidth: 140 },
  $refOptions: {
    resolve: {
      community: {
        order: 1,
        canRead: (file) => file.url.endsWith(community.$id),
        read: () => JSON.stringify(community),
      },
    },
  },
})

if (process.argv.includes('--check')) {
  let current = ''
  try {
    current = readFileSync(out, 'utf8')
  } catch {
    /* missing: out of date */
  }
  if (current !== text) {
    console.error(`${out} is out of date with docs/report.schema.json: run  cd web && npm run gen:types`)
    process.exit(1)
  }
  console.log('report types: up to date')
} else {
  writeFileSync(out, text)
  console.log(`wrote ${out}`)
}
