// End-to-end: the six-platform mixed run (issue 13). One fictional owner's WhatsApp, Telegram,
// Messenger, Instagram, Discord and Signal files (`gen_export --format mixed`, its truth in
// truth.json) dropped at once; the owner needs no question; every suggested "same person" is
// confirmed; the overview then shows messages for all six platforms and each linked person
// once with the planted total. "Add exports" adds one more WhatsApp chat to the report on
// screen and every earlier input stays. At phone size, the links list is usable.
//
// Usage: node tests/e2e/mixed-run.mjs   (after `npm run build`; CHATLENS_BUILD: the release build with gen_export)
// Environment: CHATLENS_ARTIFACTS (default <repo>/build/web-artifacts), CHATLENS_CHROMIUM
// Prints one line per test and ends with "N passed, N failed, N skipped"; exits 1 on any failure.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { serve } from './server.mjs'
import { artifacts, assert, finish, generateExports, launchChromium, test, web } from './harness.mjs'

// The six files and what is true of them.
const dir = join(artifacts, 'mixed-export')
generateExports(dir, ['--format', 'mixed'])
const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8'))
const six = truth.platforms.map((p) => join(dir, p.file))
// One more chat for "Add exports": a WhatsApp chat with Mamá (already in the WhatsApp group).
const extra = join(dir, 'extra', 'WhatsApp Chat with Mamá.txt')
mkdirSync(dirname(extra), { recursive: true })
writeFileSync(
  extra,
  [
    '3/2/24, 10:00 - Mamá: ¿Vienes a comer el domingo?',
    '3/2/24, 10:05 - Alex Rivera: Sí, llevo el postre',
    '3/2/24, 10:07 - Mamá: Perfecto',
    '3/2/24, 10:30 - Alex Rivera: Hasta el domingo',
  ].join('\n') + '\n',
)
const EXTRA = { mine: 2, mama: 2 }

const server = await serve(join(web, 'dist'))
const browser = await launchChromium()

// Every suggestion confirmed, one at a time (each answer re-runs the report).
async function confirmAll(page) {
  await page.waitForSelector('[data-person-links]')
  for (let i = 0; i < 40; i++) {
    const suggestion = page.locator('[data-link-suggestion]').first()
    if (!(await suggestion.count())) return i
    const answered = await page.locator('[data-link-answer="confirmed"]').count()
    await suggestion.locator('[data-link-confirm]').click()
    await page.waitForFunction((n) => document.querySelectorAll('[data-link-answer="confirmed"]').length > n, answered)
    await page.waitForFunction(() => !document.querySelector('[data-person-links] button[disabled]'), null, { timeout: 60000 })
  }
  throw new Error('the suggestions never ran out')
}
const number = (text) => Number((/([\d.,\u00a0\u202f ]+)/.exec(text)?.[1] ?? '').replace(/[^\d]/g, ''))
async function platformMessages(page) {
  const out = {}
  for (const row of await page.locator('[data-platform-messages]').all())
    out[await row.getAttribute('data-platform-messages')] = number(await row.locator('.muted').innerText())
  return out
}
async function peopleMessages(page) {
  const out = {}
  for (const row of await page.locator('[data-person-messages]').all()) {
    const name = await row.getAttribute('data-person-messages')
    out[name] = (out[name] ?? []).concat(number(await row.locator('.muted').innerText()))
  }
  return out
}
// A linked person's row in the overview: under any of their names, exactly once.
function rowsOf(people, person) {
  return [...new Set(person.aliases.map((a) => a.name))].flatMap((name) => people[name] ?? [])
}

{
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en' })
  await context.addInitScript(() => localStorage.setItem('chatlens.lang', 'en'))
  const page = await context.newPage()
  const errors = []
  page.on('pageerror', (e) => errors.push(e.message))

  await test('desktop: six platforms dropped at once, no owner question, every suggested link confirmed', async () => {
    await page.goto(`${server.url}/#/upload`)
    await page.setInputFiles('[data-file-input]', six)
    await page.waitForSelector('[data-report]', { timeout: 90000 })
    const before = await page.locator('[data-link-suggestion]').count()
    assert(before >= truth.links.length, `at least the ${truth.links.length} planted pairs suggested, got ${before}`)
    const text = await page.locator('[data-person-links]').innerText()
    for (const l of truth.links) assert(text.includes(l.a) && text.includes(l.b), `suggested: ${l.a} = ${l.b}`)
    // Nothing applied before a yes: Ana is still split.
    const split = await peopleMessages(page)
    assert(
      (split['Ana Gómez'] ?? []).every((n) => n < truth.people.find((p) => p.name === 'Ana Gómez').total),
      `Ana not merged yet: ${JSON.stringify(split)}`,
    )
    const confirmed = await confirmAll(page)
    assert(confirmed > 0, 'confirmed some links')
    console.log(`        ${confirmed} answers for ${before} suggestions`)
    // Charts are drawn as they come near the screen: all of them first, as printing does.
    await page.evaluate(() => {
      dispatchEvent(new Event('beforeprint'))
      dispatchEvent(new Event('afterprint'))
    })
    await page.screenshot({ path: join(artifacts, 'mixed-run-linked.png'), fullPage: true })
  })

  await test('desktop: the overview shows all six platforms and each linked person once with the planted total', async () => {
    const platforms = await platformMessages(page)
    for (const p of truth.platforms) assert(platforms[p.platform] === p.messages, `${p.platform}: ${platforms[p.platform]} messages, planted ${p.messages}`)
    assert(Object.keys(platforms).length === 6, `six platforms: ${Object.keys(platforms)}`)
    const people = await peopleMessages(page)
    for (const person of truth.people.filter((p) => !p.owner && p.aliases.length > 1)) {
      const rows = rowsOf(people, person)
      assert(rows.length === 1, `${person.name} once: ${JSON.stringify(rows)} in ${JSON.stringify(people)}`)
      assert(rows[0] === person.total, `${person.name}: ${rows[0]} messages, planted ${person.total}`)
    }
    const owner = truth.people.find((p) => p.owner)
    assert(number(await page.locator('[data-stat="owner-messages"] .big-number').innerText()) === owner.total, `your messages: planted ${owner.total}`)
    const overview = await page.locator('[data-card="overview"]').innerText()
    assert(overview.includes(`from ${truth.people_count} people`), `${truth.people_count} people: ${overview.slice(0, 400)}`)
  })

  await test('desktop: "Add exports" adds a WhatsApp chat and keeps the six inputs and the links', async () => {
    const before = await platformMessages(page)
    await page.setInputFiles('[data-add-exports-input]', [extra])
    const whatsapp = before.whatsapp + EXTRA.mine + EXTRA.mama
    await page.waitForFunction(
      (n) => Number(document.querySelector('[data-platform-messages="whatsapp"] .muted')?.textContent.replace(/[^\d]/g, '')) === n,
      whatsapp,
      { timeout: 60000 },
    )
    const after = await platformMessages(page)
    for (const p of truth.platforms) if (p.platform !== 'whatsapp') assert(after[p.platform] === p.messages, `${p.platform} kept: ${after[p.platform]}`)
    const people = await peopleMessages(page)
    const ana = truth.people.find((p) => p.name === 'Ana Gómez')
    assert(rowsOf(people, ana).length === 1 && rowsOf(people, ana)[0] === ana.total, `links kept: ${JSON.stringify(people)}`)
    const mama = truth.people.find((p) => p.name === 'Mamá')
    assert((people['Mamá'] ?? [])[0] === mama.total + EXTRA.mama, `Mamá with the new chat: ${people['Mamá']}`)
    assert(
      number(await page.locator('[data-stat="owner-messages"] .big-number').innerText()) === truth.people.find((p) => p.owner).total + EXTRA.mine,
      'your messages with the new chat',
    )
    assert(errors.length === 0, `page errors: ${errors.join(' | ')}`)
  })
  await context.close()
}

await test('phone: the "same person" list is usable (buttons at least 44 px, nothing cut off)', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'es' })
  await context.addInitScript(() => localStorage.setItem('chatlens.lang', 'es'))
  const page = await context.newPage()
  await page.goto(`${server.url}/#/upload`)
  await page.setInputFiles('[data-file-input]', six)
  await page.waitForSelector('[data-report]', { timeout: 90000 })
  await page.waitForSelector('[data-link-suggestion]')
  await page.locator('[data-person-links]').scrollIntoViewIfNeeded()
  await page.screenshot({ path: join(artifacts, 'mixed-run-phone-links.png') })
  const problems = await page.evaluate(() => {
    const out = []
    const width = document.documentElement.clientWidth
    for (const b of document.querySelectorAll('[data-person-links] button')) {
      const r = b.getBoundingClientRect()
      if (r.height < 44 || r.width < 44) out.push(`button ${b.textContent.trim()} ${r.width}x${r.height}`)
      if (r.left < 0 || r.right > width) out.push(`button ${b.textContent.trim()} outside the screen`)
    }
    for (const el of document.querySelectorAll('[data-person-links] *')) {
      const r = el.getBoundingClientRect()
      if (r.right > width + 0.5) out.push(`${el.tagName} ${el.className} runs off the screen`)
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflow !== 'visible') out.push(`${el.tagName} clipped`)
    }
    return out
  })
  assert(problems.length === 0, problems.join(' | '))
  // One answer on the phone: it takes and the list says so.
  await page.locator('[data-link-confirm]').first().tap()
  await page.waitForSelector('[data-link-answer="confirmed"]')
  await context.close()
})

await browser.close()
await server.close()
finish()
