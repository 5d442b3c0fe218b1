// End-to-end at phone size (390×844, touch), in English and in Spanish, on the
// built-in fictional example: the comparison shows a readable table and no raw
// JSON until asked, and refuses to send the example's numbers; looking at the
// community (a local fake service) places the person on the cards; every card
// has a share action whose PNGs have the right sizes, with "Download PNG" on
// screen; the story walks every slide by keyboard, swipe and tap, with no text
// running out of its box, and every slide's PNG is 1080×1920.
//
// Usage: node tests/e2e/share-story.mjs   (after `npm run build`)
// Environment: CHATLENS_ARTIFACTS (default <repo>/build/web-artifacts), CHATLENS_CHROMIUM
// Prints one line per test and ends with "N passed, N failed, N skipped"; exits 1 on any failure.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { serve } from './server.mjs'
import { artifacts, assert, finish, generateExports, launchChromium, test, web } from './harness.mjs'

const PHONE = { width: 390, height: 844 }

// Two years of the planted owner (bench/planted_truth.cpp: a person who appeared, one who faded,
// a mood shift, new topics), for the story of a chosen year.
const plantedDir = join(artifacts, 'planted-export')
generateExports(plantedDir, ['--planted-truth', '2'])
const planted = readdirSync(plantedDir)
  .filter((f) => f !== 'truth.json')
  .map((f) => join(plantedDir, f))

function pngSize(buf) {
  assert(buf.subarray(1, 4).toString() === 'PNG', 'not a PNG')
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) }
}

// The example's own summary, so that the fake community can place it.
const demo = JSON.parse(readFileSync(join(web, 'src/demo/demo-report.json'), 'utf8'))
const mine = demo.sections.community_summary.summary
// Only message length is published (with 60 people); the other two measures have
// too few people, and nobody's emoji is published.
const community = {
  contributions: [],
  answer: {
    contributors: 60,
    k_threshold: 5,
    distributions: {
      avg_text_length: {
        published: 60,
        buckets: [
          { value: mine.avg_text_length - 5, contributors: 30, below: 0, at: 0.5 },
          { value: mine.avg_text_length, contributors: 20, below: 0.5, at: 0.3333 },
          { value: mine.avg_text_length + 10, contributors: 10, below: 0.8333, at: 0.1667 },
        ],
      },
      messages_per_active_day: { published: 0, buckets: [] },
      minutes_per_day: { published: 0, buckets: [] },
    },
    hour_profile: [],
    top_emoji: [],
  },
}
const server = await serve(join(web, 'dist'), { community })
const browser = await launchChromium()

for (const lang of ['en', 'es']) {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2, acceptDownloads: true, locale: lang })
  await context.addInitScript((l) => localStorage.setItem('chatlens.lang', l), lang)
  const page = await context.newPage()
  const posts = []
  page.on('request', (r) => r.method() === 'POST' && posts.push(r.url()))
  const errors = []
  page.on('pageerror', (e) => errors.push(e.message))
  const shot = (name) => page.screenshot({ path: join(artifacts, `share-story-${lang}-${name}.png`) })

  async function download(click) {
    const [d] = await Promise.all([page.waitForEvent('download'), click()])
    const path = join(artifacts, `share-story-${lang}-${d.suggestedFilename()}`)
    await d.saveAs(path)
    return pngSize(readFileSync(path))
  }

  await page.goto(`${server.url}/`)
  await page.click('[data-open-demo]')
  await page.waitForSelector('[data-report]')

  await test(`${lang} phone: the comparison is a table, the JSON only when asked, no sending of the example`, async () => {
    await page.evaluate(() => (location.hash = '#/compare')) // in the page: the example stays loaded
    await page.waitForSelector('[data-summary-table]')
    const rows = await page.$$eval('[data-summary-table] tr', (trs) => trs.map((tr) => tr.getAttribute('data-field')))
    assert(rows.join() === 'top_emoji,avg_text_length,messages_per_active_day,minutes_per_day,hour_profile', `rows: ${rows}`)
    assert((await page.locator('[data-summary-json]').count()) === 0, 'no raw JSON before the toggle')
    const table = await page.locator('[data-summary-table]').innerText()
    assert(!/\b1F[0-9A-F]{3}\b|2764-FE0F/.test(table), 'emoji drawn, not hex codes')
    assert(table.includes(String.fromCodePoint(0x2764)), 'the heart drawn')
    const minutes = await page.locator('[data-field="minutes_per_day"]').innerText()
    assert(/5 (minutes|minutos)/.test(minutes) && /sitting|sesión/.test(minutes), `minutes per day explained: ${minutes}`)
    const consent = page.locator('[data-consent]')
    assert(await consent.isDisabled(), 'send disabled on the example')
    assert(await page.locator('[data-example-no-send]').isVisible(), 'and the page says why')
    await shot('compare-table')
    await page.click('[data-toggle-json]')
    const json = JSON.parse(await page.locator('[data-summary-json]').textContent())
    assert(json.schema === 'chatlens.community_summary' && json.avg_text_length === mine.avg_text_length, 'the exact JSON behind the toggle')
    await page.click('[data-look-only]')
    await page.waitForSelector('[data-standing]')
    assert((await page.locator('[data-placed]').count()) === 1, 'one measure placed')
    const lacking = await page.locator('[data-lacking]').innerText()
    assert(/(Messages per day|Mensajes al día).*(Minutes per day|Minutos al día)/.test(lacking), `one line naming what lacks data: ${lacking}`)
    assert((await page.locator('[data-no-community-emoji]').count()) === 1, 'says no emoji were published')
    const standing = await page.locator('[data-standing]').innerText()
    assert(!/(few other|poca gente)/.test(standing), 'no claim about other people’s emoji')
    assert(posts.length === 0, `nothing sent: ${posts}`)
    await shot('compare-standing')
  })

  await test(`${lang} phone: the percentile is on the overview card, computed from the published histogram`, async () => {
    await page.evaluate(() => (location.hash = '#/report'))
    await page.waitForSelector('[data-card="overview"] [data-percentile]')
    const text = await page.locator('[data-card="overview"] [data-percentile]').innerText()
    // (30 + 20/2) / 60 = 66.7%, about 65%
    assert(/65\s?%/.test(text), `placed at about 65%: ${text}`)
  })

  await test(`${lang} phone: every card has a share action; Download PNG on screen; 1080×1080 and 1080×1920`, async () => {
    await page.waitForSelector('[data-cards-ready]') // cards below the first screen mount when near or idle
    const cards = await page.$$eval('[data-card][data-enough="true"]', (els) => els.map((e) => e.getAttribute('data-card')))
    assert(cards.length >= 12, `cards with data: ${cards}`)
    for (const card of cards) {
      const button = page.locator(`[data-share-card="${card}"]`)
      assert((await button.count()) === 1, `${card} has a share button`)
      await button.click()
      await page.waitForSelector('[data-share-dialog][open]')
      const chosen = await page.$eval('[data-share-finding]', (s) => s.selectedOptions[0]?.getAttribute('data-finding-card'))
      assert(chosen === card, `the dialog opens on ${card}'s finding, not ${chosen}`)
      assert(await page.locator('[data-share-initials]').isChecked(), 'initials by default')
      const box = await page.locator('[data-share-download]').boundingBox()
      assert(box && box.y >= 0 && box.y + box.height <= PHONE.height, `Download PNG visible without scrolling: ${JSON.stringify(box)}`)
      if (card === cards[0]) await shot('share-dialog')
      // One format per card and language, in turn: across the two languages every card is
      // drawn in both formats (the suite stays lean).
      const formats = [
        ['square', 1080, 1080],
        ['story', 1080, 1920],
      ].filter((_, f) => f === (cards.indexOf(card) + (lang === 'en' ? 0 : 1)) % 2)
      for (const [format, w, h] of formats) {
        await page.click(`[data-format="${format}"]`)
        const size = await download(() => page.click('[data-share-download]'))
        assert(size.width === w && size.height === h, `${card} ${format}: ${size.width}x${size.height}`)
      }
      await page.keyboard.press('Escape')
      await page.waitForSelector('[data-share-dialog][open]', { state: 'detached' })
    }
  })

  await test(`${lang} phone: the story walks every slide by keyboard, swipe and tap, no text overflow, every slide a 1080×1920 PNG`, async () => {
    await page.click('[data-open-story]')
    await page.waitForSelector('[data-story][open] [data-story-stage]')
    await page.click('[data-story-pause]')
    assert((await page.getAttribute('[data-story-pause]', 'aria-pressed')) === 'true', 'paused')
    const total = Number(await page.getAttribute('[data-story-progress]', 'aria-valuemax'))
    assert(total >= 10 && total <= 14, `10 to 14 slides: ${total}`)
    const chapters = []
    const stage = page.locator('[data-story-stage]')
    for (let i = 1; i <= total; i++) {
      assert(Number(await page.getAttribute('[data-story-progress]', 'aria-valuenow')) === i, `on slide ${i}`)
      const id = await page.getAttribute('[data-story] .slide', 'data-slide')
      chapters.push(await page.getAttribute('[data-story] .slide', 'data-chapter'))
      const overflow = await page.$$eval('[data-story] .slide-text', (els) =>
        els.filter((e) => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > window.innerWidth).map((e) => e.textContent),
      )
      assert(overflow.length === 0, `slide ${i} (${id}): text overflows: ${overflow.join(' | ')}`)
      if (i <= 3) await shot(`story-${i}`)
      if ((await page.locator('[data-story-share]').count()) === 1) {
        const size = await download(() => page.click('[data-story-share]'))
        assert(size.width === 1080 && size.height === 1920, `slide ${i} (${id}): ${size.width}x${size.height}`)
      } else assert((await page.locator('[data-story-look]').count()) === 1, `slide ${i} (${id}) shares or offers to look`)
      if (i === total) break
      // Keyboard, swipe (right to left) and tap (right side), in turn.
      if (i % 3 === 1) await page.keyboard.press('ArrowRight')
      else {
        const b = await stage.boundingBox()
        const y = b.y + b.height / 2
        if (i % 3 === 2) {
          await page.mouse.move(b.x + b.width * 0.8, y)
          await page.mouse.down()
          await page.mouse.move(b.x + b.width * 0.2, y, { steps: 5 })
          await page.mouse.up()
        } else await page.mouse.click(b.x + b.width * 0.8, y)
      }
      await page.waitForFunction((n) => document.querySelector('[data-story-progress]')?.getAttribute('aria-valuenow') === String(n), i + 1)
    }
    assert(chapters.at(-1) !== null && (await page.locator('[data-story-share]').innerText()).length > 0, 'the last slide shares the summary')
    await shot('story-last')
    // The narrative's order: chapters never go back.
    const order = ['numbers', 'people', 'rhythm', 'mood', 'words', 'reveals', 'community']
    const seen = chapters.slice(0, -1).map((c) => order.indexOf(c))
    assert(
      seen.every((v, i) => i === 0 || v >= seen[i - 1]),
      `chapters in order: ${chapters}`,
    )
    // Back by swipe (left to right) and by keyboard.
    const b = await stage.boundingBox()
    await page.mouse.move(b.x + b.width * 0.2, b.y + b.height / 2)
    await page.mouse.down()
    await page.mouse.move(b.x + b.width * 0.8, b.y + b.height / 2, { steps: 5 })
    await page.mouse.up()
    await page.waitForFunction((n) => document.querySelector('[data-story-progress]')?.getAttribute('aria-valuenow') === String(n), total - 1)
    await page.keyboard.press('ArrowLeft')
    await page.waitForFunction((n) => document.querySelector('[data-story-progress]')?.getAttribute('aria-valuenow') === String(n), total - 2)
    await page.keyboard.press('Escape')
    await page.waitForSelector('[data-story][open]', { state: 'detached' })
    assert(errors.length === 0, `page errors: ${errors.join(' | ')}`)
  })

  await test(`${lang} phone: the story of a chosen year (2024) opens with that year against the one before, every slide fits`, async () => {
    await page.goto(`${server.url}/#/upload`)
    await page.setInputFiles('[data-file-input]', planted)
    await page.waitForSelector('[data-report-page]', { timeout: 60000 })
    await page.click('.filter-card summary')
    await page.selectOption('[data-period-picker]', '2024')
    await page.waitForFunction(
      () =>
        /2024/.test(document.querySelector('[data-card="year_vs_year"]')?.textContent ?? '') &&
        document.querySelector('[data-card="year_vs_year"]')?.getAttribute('data-enough') === 'true',
      null,
      { timeout: 60000 },
    )
    await page.waitForSelector('[data-period-picker]:not([disabled])')
    await page.click('[data-open-story]')
    await page.waitForSelector('[data-story][open] [data-story-stage]')
    await page.click('[data-story-pause]')
    assert((await page.getAttribute('[data-story] .slide', 'data-slide')) === 'year_vs_year', 'the first slide is this year against the last')
    assert((await page.locator('[data-story] .slide').innerText()).includes('2024'), 'and names the year')
    const total = Number(await page.getAttribute('[data-story-progress]', 'aria-valuemax'))
    assert(total >= 10 && total <= 14, `10 to 14 slides: ${total}`)
    for (let i = 1; i <= total; i++) {
      const overflow = await page.$$eval('[data-story] .slide-text', (els) =>
        els.filter((e) => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > window.innerWidth).map((e) => e.textContent),
      )
      assert(overflow.length === 0, `slide ${i}: text overflows: ${overflow.join(' | ')}`)
      if (i === 1) {
        await shot('year-story-1')
        const size = await download(() => page.click('[data-story-share]'))
        assert(size.width === 1080 && size.height === 1920, `the year slide's PNG: ${size.width}x${size.height}`)
      }
      if (i === total) break
      await page.keyboard.press('ArrowRight')
      await page.waitForFunction((n) => document.querySelector('[data-story-progress]')?.getAttribute('aria-valuenow') === String(n), i + 1)
    }
    await page.keyboard.press('Escape')
    await page.waitForSelector('[data-story][open]', { state: 'detached' })
    assert(errors.length === 0, `page errors: ${errors.join(' | ')}`)
  })
  await context.close()
}

await browser.close()
await server.close()
finish()
