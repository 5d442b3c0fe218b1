// The worker protocol against the real core: what the page receives, in order,
// for a mix of good, broken and zipped inputs; the owner picker; filters.
import { strToU8, zipSync } from 'fflate'
import { beforeAll, describe, expect, it } from 'vitest'
import { AnalysisEngine, coreOptions, dayNumber, localToday, type CoreModule, type StagedRead } from '../../src/analysis/engine'
import en from '../../src/i18n/en.json'
import es from '../../src/i18n/es.json'
import type { FromWorker, InputFile } from '../../src/analysis/protocol'
import { coreBuilt, loadCore, memoryBlob, readMemorySlice, whatsappChat } from './core'
import type { SliceReader } from '../../src/analysis/slices'
import type { OpenStream } from '../../src/analysis/reader-thread'

let core: CoreModule
beforeAll(async () => {
  if (coreBuilt) core = await loadCore()
})

const file = (path: string, content: string | Uint8Array): InputFile => ({ path, file: memoryBlob(content) })

async function run(inputs: InputFile[], options = {}, readSlice: SliceReader = readMemorySlice, withCore: CoreModule = core, openStream?: OpenStream) {
  const messages: FromWorker[] = []
  const engine = new AnalysisEngine(
    withCore,
    (m) => messages.push(m),
    () => 0,
    readSlice,
    openStream,
  )
  await engine.analyze(inputs, options)
  return { engine, messages }
}

describe('dates for the core', () => {
  it('turns YYYY-MM-DD into days since 1970', () => {
    expect(dayNumber('1970-01-02')).toBe(1)
    expect(dayNumber('2024-01-01')).toBe(19723)
    expect(dayNumber('nope')).toBeUndefined()
    expect(coreOptions({ me: 'Ana', from: '1970-01-01', chats: [1] })).toEqual({ me: 'Ana', from: 0, chats: [1] })
  })

  it('hands the core the period picked, dates chosen by hand winning', () => {
    expect(coreOptions({ period: '2024' })).toEqual({ period: 'year', year: 2024 })
    expect(coreOptions({ period: 'last_12_months' })).toEqual({ period: 'last_12_months' })
    expect(coreOptions({ period: 'auto', me: 'Ana' })).toEqual({ period: 'auto', me: 'Ana' })
    expect(coreOptions({ period: '2024', from: '2024-03-01' })).toEqual({ from: 19783 })
  })

  it('hands the core the local date as today', () => {
    expect(localToday(new Date(2024, 0, 5, 23, 59))).toBe('2024-01-05')
    expect(localToday(new Date(2023, 11, 31, 0, 0))).toBe('2023-12-31')
  })
})

// A zip whose deflated entry has its compressed bytes overwritten in the middle.
function corruptZip(name: string, text: string): Uint8Array {
  const zip = zipSync({ [name]: strToU8(text) })
  zip.fill(0xff, 60, 90)
  return zip
}

const sources = (messages: FromWorker[]) => messages.flatMap((m) => (m.type === 'source' ? [m.source] : []))

describe('the core reads each input in pieces through the read callback (a fake core)', () => {
  // A core that reads the way the real one may: the head, then forward in 7-byte pieces,
  // then everything again from the start (a second pass), each time into its memory.
  function fakeCore() {
    const seen: { name: string; head: string; pieces: string; again: string }[] = []
    const errors: { name: string; key: string; detail: string }[] = []
    const heap = { bytes: new Uint8Array(1 << 16) }
    class Session {
      addInput(name: string, size: number, _title: string, read: (offset: number, ptr: number, n: number) => number) {
        const ptr = 100
        const at = (offset: number, n: number) => {
          const count = read(offset, ptr, n)
          expect(count).toBeLessThanOrEqual(n)
          return heap.bytes.slice(ptr, ptr + count)
        }
        const text = (parts: Uint8Array[]) => new TextDecoder().decode(Buffer.concat(parts))
        try {
          const head = text([at(0, 16)])
          const parts: Uint8Array[] = []
          for (let o = 0; o < size; o += 7) parts.push(at(o, 7))
          // Memory grows between reads: the engine must write where HEAPU8 is now.
          heap.bytes = new Uint8Array(heap.bytes.length)
          const again = text([at(0, size)])
          seen.push({ name, head, pieces: text(parts), again })
          return JSON.stringify({ file: name, bytes: size, error: null })
        } catch (e) {
          const error = e as { key?: string; message?: string }
          errors.push({ name, key: error.key ?? 'input.cannot_read', detail: error.message ?? '' })
          return JSON.stringify({ file: name, bytes: size, error: { key: error.key, params: {} } })
        }
      }
      addFailure(name: string, bytes: number, key: string, detail: string) {
        errors.push({ name, key, detail })
        return JSON.stringify({ file: name, bytes, error: { key, params: { detail } } })
      }
      finish = () => JSON.stringify({ messages: 0, chats: [], from: null, to: null })
      report = () => '{}'
      delete() {}
    }
    const core = {
      Session,
      get HEAPU8() {
        return heap.bytes
      },
      mayBeExportFile: () => true,
      planChatEntries: (names: string[]) => names.map((_, index) => ({ index, titleHint: '' })),
    } as unknown as CoreModule
    return { core, seen, errors }
  }

  it('gets every byte of files and of deflated and stored zip entries, in any order', async () => {
    const { core: fake, seen, errors } = fakeCore()
    const text = whatsappChat('Sam', 'Ana', 40)
    const zip = zipSync({ 'a/_chat.txt': strToU8(text), 'b/_chat.txt': [strToU8(text + 'stored'), { level: 0 }] })
    const { messages } = await run([file('chat.txt', text), file('both.zip', zip)], {}, readMemorySlice, fake)
    expect(errors).toEqual([])
    expect(seen.map((s) => s.name)).toEqual(['chat.txt', 'both.zip:a/_chat.txt', 'both.zip:b/_chat.txt'])
    for (const s of seen) {
      const want = s.name.endsWith('b/_chat.txt') ? text + 'stored' : text
      expect(s.head, s.name).toBe(new TextDecoder().decode(strToU8(want).subarray(0, 16)))
      expect(s.pieces, s.name).toBe(want)
      expect(s.again, s.name).toBe(want)
    }
    expect(messages.at(-1)).toEqual({ type: 'nothing' })
  })

  it('turns a file that cannot be read and a corrupt zip entry into errors with input keys', async () => {
    const { core: fake, seen, errors } = fakeCore()
    const unreadable = file('gone.txt', whatsappChat('Sam', 'Ana'))
    const failing: SliceReader = (blob, start, end) => {
      if (blob === unreadable.file) throw new Error('the file changed on disk')
      return readMemorySlice(blob, start, end)
    }
    await run([unreadable, file('bad.zip', corruptZip('_chat.txt', whatsappChat('Sam', 'Bea', 200)))], {}, failing, fake)
    expect(seen).toEqual([])
    expect(errors.map((e) => [e.name, e.key])).toEqual([
      ['gone.txt', 'input.cannot_read'],
      ['bad.zip:_chat.txt', 'input.zip_entry_unreadable'],
    ])
    expect(errors[0].detail).toBe('the file changed on disk')
  })
})

describe('the stream path: the core waits for each read (a fake JSPI core)', () => {
  // A core whose imports are staged and run by importStaged, as the worker wires them with
  // JSPI: every read awaits read.chatlensWait first, then copies synchronously.
  function streamingCore() {
    const seen: { name: string; pieces: string; again: string }[] = []
    const events: string[] = []
    const errors: { name: string; key: string }[] = []
    const heap = new Uint8Array(1 << 16)
    let staged: { name: string; size: number; read: StagedRead } | null = null
    let result = ''
    class Session {
      addInput(): string {
        throw new Error('the synchronous import ran')
      }
      stageInput(name: string, size: number, _title: string, read: StagedRead) {
        staged = { name, size, read }
      }
      stagedReport = () => result
      addFailure(name: string, bytes: number, key: string) {
        errors.push({ name, key })
        return JSON.stringify({ file: name, bytes, error: { key, params: {} } })
      }
      finish = () => JSON.stringify({ messages: 0, chats: [], from: null, to: null })
      report = () => '{}'
      delete() {}
    }
    const importStaged = async () => {
      const { name, size, read } = staged!
      staged = null
      events.push(`import ${name}`)
      const at = async (offset: number, n: number) => {
        expect(await read.chatlensWait(offset, n)).toBe(0)
        return heap.slice(100, 100 + read(offset, 100, n))
      }
      try {
        let pieces = ''
        for (let o = 0; o < size; o += 1000) pieces += new TextDecoder().decode(await at(o, 1000))
        seen.push({ name, pieces, again: new TextDecoder().decode(await at(0, size)) })
        result = JSON.stringify({ file: name, bytes: size, error: null })
        events.push(`end ${name}`)
      } catch (e) {
        errors.push({ name, key: (e as { key?: string }).key ?? 'input.cannot_read' })
        result = JSON.stringify({ file: name, bytes: size, error: { key: 'x', params: {} } })
      }
      return 1
    }
    const core = {
      Session,
      HEAPU8: heap,
      importStaged,
      mayBeExportFile: () => true,
      planChatEntries: (names: string[]) => names.map((_, index) => ({ index, titleHint: '' })),
    } as unknown as CoreModule
    return { core, seen, errors, events }
  }
  const noSyncRead: SliceReader = () => {
    throw new Error('a synchronous read ran')
  }

  it('gets every byte of files and zip entries from streams, none read synchronously', async () => {
    const { core: fake, seen, errors } = streamingCore()
    const text = whatsappChat('Sam', 'Ana', 100)
    const zip = zipSync({ 'a/_chat.txt': strToU8(text), 'b/_chat.txt': [strToU8(text + 'stored'), { level: 0 }] })
    const { engine } = await run([file('chat.txt', text), file('both.zip', zip)], {}, noSyncRead, fake)
    expect(errors).toEqual([])
    expect(seen.map((s) => [s.name, s.pieces === s.again])).toEqual([
      ['chat.txt', true],
      ['both.zip:a/_chat.txt', true],
      ['both.zip:b/_chat.txt', true],
    ])
    expect(seen.map((s) => s.again)).toEqual([text, text, text + 'stored'])
    expect(engine.timings.reads).toBe('stream')
    expect(engine.timings.streamBytes).toBeGreaterThan(0)
  })

  it("starts the next file's stream once the core has asked for this one's last byte", async () => {
    const { core: fake, seen, events } = streamingCore()
    const texts = [whatsappChat('Sam', 'Ana', 30), whatsappChat('Sam', 'Bea', 40), whatsappChat('Sam', 'Cy', 50)]
    const names = ['a.txt', 'b.txt', 'c.txt']
    const open: OpenStream = (blob, offset) => {
      events.push(`open ${names[texts.findIndex((t) => new TextEncoder().encode(t).length === blob.size)]} at ${offset}`)
      return (offset ? blob.slice(offset) : blob).stream().getReader()
    }
    await run(
      texts.map((t, i) => file(names[i], t)),
      {},
      noSyncRead,
      fake,
      open,
    )
    expect(seen.map((s) => s.again)).toEqual(texts)
    // Each file's stream opens before the file before it is done, and once only.
    expect(events.filter((e) => e.startsWith('open'))).toEqual(['open a.txt at 0', 'open b.txt at 0', 'open c.txt at 0'])
    expect(events.indexOf('open b.txt at 0')).toBeLessThan(events.indexOf('end a.txt'))
    expect(events.indexOf('open c.txt at 0')).toBeLessThan(events.indexOf('end b.txt'))
    expect(events.indexOf('open b.txt at 0')).toBeGreaterThan(events.indexOf('import a.txt'))
  })

  it('turns a corrupt zip entry into its input error', async () => {
    const { core: fake, seen, errors } = streamingCore()
    await run([file('bad.zip', corruptZip('_chat.txt', whatsappChat('Sam', 'Bea', 200)))], {}, noSyncRead, fake)
    expect(seen).toEqual([])
    expect(errors).toEqual([{ name: 'bad.zip:_chat.txt', key: 'input.zip_entry_unreadable' }])
  })
})

describe.skipIf(!coreBuilt)('analysis worker protocol (real core)', () => {
  it('reports every input, keeps going past broken ones, and ends with a report', async () => {
    const zip = zipSync({ 'WhatsApp Chat with Bea.txt': strToU8(whatsappChat('Sam', 'Bea')), '__MACOSX/._x.txt': strToU8('x') })
    const { messages } = await run([
      file('WhatsApp Chat with Ana.txt', whatsappChat('Sam', 'Ana')),
      file('bea.zip', zip),
      file('broken.zip', strToU8('PK\u0003\u0004 broken')),
      file('notes.txt', 'just some notes, not a chat'),
    ])
    const types = messages.map((m) => m.type)
    expect(types.filter((t) => t === 'source')).toHaveLength(4)
    expect(types.indexOf('corpus')).toBeGreaterThan(types.lastIndexOf('source'))
    expect(types.at(-1)).toBe('report')
    expect(types).toContain('progress')
    const sources = messages.flatMap((m) => (m.type === 'source' ? [m.source] : []))
    expect(sources.map((s) => s.file)).toEqual(['WhatsApp Chat with Ana.txt', 'bea.zip:WhatsApp Chat with Bea.txt', 'broken.zip', 'notes.txt'])
    expect(sources[0].error).toBeNull()
    expect(sources[0].records).toBe(180)
    expect(sources[1].error).toBeNull()
    expect(sources[2].error?.key).toBe('input.zip_corrupt')
    expect(sources[2].error?.params.detail).toBeTruthy()
    expect(sources[3].error?.key).toBe('input.unrecognised_text')
    const report = (messages.at(-1) as Extract<FromWorker, { type: 'report' }>).report
    expect(report.owner.name).toBe('Sam')
    expect(report.sections.overview.data.chats).toBe(2)
    // Progress never goes backwards and ends at the total.
    const progress = messages.flatMap((m) => (m.type === 'progress' ? [m] : []))
    for (let i = 1; i < progress.length; i++) expect(progress[i].done).toBeGreaterThanOrEqual(progress[i - 1].done)
  })

  it('reads a file and its zips (deflated, stored) through the read callback to the same chat', async () => {
    const text = whatsappChat('Sam', 'Ana')
    const name = 'WhatsApp Chat with Ana.txt'
    const read: number[] = []
    const counting: SliceReader = (blob, start, end) => {
      read.push(end - start)
      return readMemorySlice(blob, start, end)
    }
    const { messages } = await run(
      [file(name, text), file('deflated.zip', zipSync({ [name]: strToU8(text) })), file('stored.zip', zipSync({ [name]: [strToU8(text), { level: 0 }] }))],
      { me: 'Sam' },
      counting,
    )
    expect(sources(messages).map((s) => [s.error, s.records, s.platform, s.variant, s.bytes])).toEqual(
      Array(3).fill([null, 180, 'whatsapp', 'android', strToU8(text).length]),
    )
    expect(Math.max(...read)).toBeLessThanOrEqual(8 << 20)
    expect((messages.at(-1) as Extract<FromWorker, { type: 'report' }>).report.owner.name).toBe('Sam')
  })

  it('gives the input the error its read threw, rolled back, and imports the others', async () => {
    const unreadable = file('gone.txt', whatsappChat('Sam', 'Bea'))
    const failing: SliceReader = (blob, start, end) => {
      if (blob === unreadable.file) throw new Error('the file changed on disk')
      return readMemorySlice(blob, start, end)
    }
    const { messages } = await run(
      [file('ana.txt', whatsappChat('Sam', 'Ana')), unreadable, file('bad.zip', corruptZip('_chat.txt', whatsappChat('Sam', 'Cy', 200)))],
      { me: 'Sam' },
      failing,
    )
    const [ana, gone, bad] = sources(messages)
    expect(ana.error).toBeNull()
    expect(gone.error).toEqual({ key: 'input.cannot_read', params: { detail: 'the file changed on disk' } })
    expect(gone.records).toBe(0)
    expect(bad.error?.key).toBe('input.zip_entry_unreadable')
    expect(bad.error?.params.detail).toBeTruthy()
    const report = (messages.at(-1) as Extract<FromWorker, { type: 'report' }>).report
    expect(report.sections.overview.data.chats).toBe(1)
  })

  it('gives per-file errors and no report when nothing at all could be imported', async () => {
    const { messages } = await run([
      file('result.json', '{"name": "Ana", "type": "personal_chat", "id": 1, "messages": "not an array"}'),
      file('all-bad.json', '{"name": "Ana", "type": "personal_chat", "id": 1, "messages": [1, 2, 7]}'),
    ])
    const sources = messages.flatMap((m) => (m.type === 'source' ? [m.source] : []))
    expect(sources[0].error?.key).toBe('input.nothing_imported_first')
    expect((sources[0].error?.params.reason as { key: string }).key).toBe('input.messages_not_an_array')
    expect(sources[1].error?.key).toBe('input.nothing_imported_first')
    expect(sources[1].error?.params.count).toBe(3)
    expect(messages.at(-1)).toEqual({ type: 'nothing' })
    expect(messages.some((m) => m.type === 'report')).toBe(false)
  })

  it('reads a zip whose entry claims a terabyte without reserving it', async () => {
    const zip = zipSync({ '_chat.txt': [strToU8(whatsappChat('Sam', 'Ana')), { level: 0 }] })
    // Patch the central directory's uncompressed size to 0xFFFFFFFF - 1 (a 4 GiB claim).
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
    for (let i = zip.length - 22; i >= 0; i--)
      if (view.getUint32(i, true) === 0x02014b50) {
        view.setUint32(i + 24, 0xfffffffe, true)
        break
      }
    const { messages } = await run([file('claims.zip', zip)])
    const sources = messages.flatMap((m) => (m.type === 'source' ? [m.source] : []))
    expect(sources).toHaveLength(1)
    expect(sources[0].file).toBe('claims.zip:_chat.txt')
  })

  it('asks who the owner is when the exports cannot tell, then reports for the chosen name', async () => {
    const { engine, messages } = await run([file('chat.txt', whatsappChat('Sam', 'Ana'))])
    const owner = messages.at(-1)
    expect(owner).toMatchObject({ type: 'owner', status: 'ambiguous' })
    expect((owner as Extract<FromWorker, { type: 'owner' }>).candidates.sort()).toEqual(['Ana', 'Sam'])
    messages.length = 0
    engine.report({ me: 'Ana' })
    const report = messages.at(-1) as Extract<FromWorker, { type: 'report' }>
    expect(report.type).toBe('report')
    expect(report.report.owner.name).toBe('Ana')
    engine.report({ me: 'Nobody' })
    expect(messages.at(-1)).toMatchObject({ type: 'owner', status: 'no_such_person' })
  })

  it('filters by chat and by date by re-running the insights', async () => {
    const { engine, messages } = await run([file('a.txt', whatsappChat('Sam', 'Ana')), file('b.txt', whatsappChat('Sam', 'Bea', 30, Date.UTC(2024, 5, 1)))])
    const corpus = messages.find((m) => m.type === 'corpus') as Extract<FromWorker, { type: 'corpus' }>
    expect(corpus.summary.chats).toHaveLength(2)
    expect(corpus.summary.from).toBe('2024-01-01')
    const full = (messages.at(-1) as Extract<FromWorker, { type: 'report' }>).report
    expect(full.sections.overview.data.messages).toBe(270)

    const ana = corpus.summary.chats.find((c) => c.title === 'a' || c.title.includes('Ana') || c.messages === 180)!
    engine.report({ chats: [ana.id] })
    const onlyAna = (messages.at(-1) as Extract<FromWorker, { type: 'report' }>).report
    expect(onlyAna.sections.overview.data.chats).toBe(1)
    expect(onlyAna.sections.overview.data.messages).toBe(180)

    engine.report({ from: '2024-06-01', to: '2024-06-10' })
    const june = (messages.at(-1) as Extract<FromWorker, { type: 'report' }>).report
    expect(june.sections.overview.data.messages).toBe(30)
    expect(june.sections.overview.first_message?.slice(0, 10)).toBe('2024-06-01')

    engine.report({})
    expect((messages.at(-1) as Extract<FromWorker, { type: 'report' }>).report.sections.overview.data.messages).toBe(270)
  })

  it('computes the report for the period picked, and lists the years the data covers', async () => {
    // 60 days from 2023-11-15: 47 in 2023, 13 in 2024, three messages a day.
    const { engine, messages } = await run([file('a.txt', whatsappChat('Sam', 'Ana', 60, Date.UTC(2023, 10, 15)))], { me: 'Sam', period: 'auto' })
    const last = () => (messages.at(-1) as Extract<FromWorker, { type: 'report' }>).report
    // Too little data in either year for a default year: everything.
    expect(last().period.kind).toBe('all')
    expect(last().years.map((y) => [y.year, y.messages, y.enough_data])).toEqual([
      [2023, 141, false],
      [2024, 39, false],
    ])
    engine.report({ me: 'Sam', period: '2024' })
    expect(last().period).toEqual({ kind: 'year', from: '2024-01-01', to: '2024-12-31' })
    expect(last().sections.overview.data.messages).toBe(39)
    expect(last().sections.overview.covers).toEqual(last().period)
    expect(last().sections.year_vs_year.note?.key).toBe('year_vs_year.too_little_data')
    engine.report({ me: 'Sam', period: 'all' })
    expect(last().sections.overview.data.messages).toBe(180)
  })

  it('names the sections the core registers, as its reports carry them', async () => {
    const { messages } = await run([file('ana.txt', whatsappChat('Me', 'Ana'))], { me: 'Me' })
    const report = (messages.at(-1) as Extract<FromWorker, { type: 'report' }>).report
    expect(core.sectionNames()).toEqual(Object.keys(report.sections))
  })

  it('chooses zip entries like the native command', () => {
    expect(core.chooseChatEntries(['__MACOSX/._chat.txt', 'x/_chat.txt', 'a.txt'])).toEqual([1])
    expect(core.chooseChatEntries(['00000046-doc.txt', 'WhatsApp Chat with Ana.txt', 'photo.jpg'])).toEqual([1])
    expect(core.chooseChatEntries(['ChatExport/result.json', 'ChatExport/photos/x.jpg'])).toEqual([0])
    // signal-export: chat.md per chat folder, data.json only where there is no chat.md.
    expect(core.chooseChatEntries(['s/Ana/chat.md', 's/Ana/data.json', 's/Ana/media/a.jpg', 's/Bo/data.json'])).toEqual([0, 3])
    expect(core.titleFromFileName('WhatsApp Chat - Ana.zip')).toBe('Ana')
  })

  it('plans zip entries and their titles by the core table, a nested result.json like a top-level one', () => {
    expect(core.planChatEntries(['ChatExport/photos/x.jpg', 'ChatExport/result.json'], 'Telegram Ana.zip')).toEqual([{ index: 1, titleHint: 'Telegram Ana' }])
    expect(core.planChatEntries(['result.json'], 'Telegram Ana.zip')).toEqual([{ index: 0, titleHint: 'Telegram Ana' }])
    expect(core.planChatEntries(['x/_chat.txt', 'x/notes.txt'], 'WhatsApp Chat - Familia.zip')).toEqual([{ index: 0, titleHint: 'Familia' }])
  })

  it('reads from a folder only the files the core says may be exports', async () => {
    const inFolder = (path: string, content: string) => ({ ...file(path, content), inFolder: true })
    const { messages } = await run(
      [
        inFolder('chats/WhatsApp Chat with Ana.txt', whatsappChat('Me', 'Ana')),
        inFolder('chats/photos/a.jpg', 'jpeg'),
        inFolder('chats/00000046-doc.txt', 'x'),
      ],
      { me: 'Me' },
    )
    const files = messages.flatMap((m) => (m.type === 'source' ? [m.source.file] : []))
    expect(files).toEqual(['chats/WhatsApp Chat with Ana.txt'])
  })

  it('describes every platform of the core with a guide and a file hint in both catalogues', () => {
    const platforms = core.platforms()
    expect(platforms.map((p) => p.name)).toEqual(expect.arrayContaining(['whatsapp', 'telegram', 'signal']))
    for (const p of platforms) {
      expect(p.guides.length, p.name).toBeGreaterThan(0)
      for (const catalogue of [en, es] as Record<string, string>[]) {
        expect(catalogue[p.fileHint], p.fileHint).toBeTruthy()
        expect(catalogue[`platform.${p.name}`], p.name).toBeTruthy()
        for (const g of p.guides) expect(catalogue[`guide.tab.${g}`], g).toBeTruthy()
      }
    }
  })
})

describe('the export guide', () => {
  it('shows one tab per guide of the core table, and each guide its steps', async () => {
    const { mount } = await import('@vue/test-utils')
    const { default: ExportGuide } = await import('../../src/components/ExportGuide.vue')
    const { state } = await import('../../src/store')
    state.platforms = core.platforms()
    const w = mount(ExportGuide)
    const tabs = w.findAll('[role="tab"]').map((t) => t.attributes('id'))
    expect(tabs).toEqual(core.platforms().flatMap((p) => p.guides.map((g) => `guide-tab-${g}`)))
    for (const p of core.platforms())
      for (const g of p.guides) {
        await w.find(`#guide-tab-${g}`).trigger('click')
        expect(w.find(`#guide-tab-${g}`).attributes('aria-selected'), g).toBe('true')
        expect(w.text(), g).toContain((en as Record<string, string>)[`guide.${g}.1`])
      }
    state.platforms = []
  })
})

describe.skipIf(!coreBuilt)('an input the session refuses (real core)', () => {
  // The same shape as any input's report: the page shows its error like every other one.
  it('answers a source report whose error is an i18n message, the plain words as detail', () => {
    const badToday = new core.Session(() => {}, '2024-13-45')
    const refused = JSON.parse(badToday.addInput('a.txt', 3, '', () => 0))
    badToday.delete()
    expect(refused).toMatchObject({ file: 'a.txt', bytes: 3, records: 0, error: { key: 'input.invalid_today', params: { today: '2024-13-45' } } })
    expect(refused.detail).toContain('today must be a date like 2024-06-15')

    const finished = new core.Session(() => {}, '2024-06-15')
    finished.finish()
    const late = JSON.parse(finished.addFailure('b.txt', 5, 'input.cannot_read', ''))
    finished.delete()
    expect(late).toMatchObject({ file: 'b.txt', bytes: 5, error: { key: 'input.session_finished', params: {} } })
    expect(late.detail).toBe('session already finished')
    for (const catalogue of [en, es] as Record<string, string>[])
      for (const key of ['input.invalid_today', 'input.session_finished']) expect(catalogue[key], key).toBeTruthy()
  })
})

describe.skipIf(!coreBuilt)('the finished session (real core)', () => {
  // finish() reads each chat's first and last message for its dates: the core sorts a chat by time,
  // so an export whose lines go back in time still spans from its earliest to its latest day.
  it("gives each chat's dates from its earliest to its latest message, also when the export goes back in time", () => {
    const session = new core.Session(() => {}, '2024-06-15')
    const add = (name: string, text: string) => {
      const bytes = new TextEncoder().encode(text)
      session.addInput(name, bytes.length, '', (offset, ptr, n) => {
        const piece = bytes.subarray(offset, offset + n)
        core.HEAPU8.set(piece, ptr)
        return piece.length
      })
    }
    add('WhatsApp Chat with Bea.txt', '5/3/24, 10:00 - Bea: hola\n1/3/24, 10:00 - Ana: antes\n9/3/24, 10:00 - Bea: después\n2/3/24, 11:00 - Ana: qué tal\n')
    add('WhatsApp Chat with Ana.txt', whatsappChat('Ana', 'Carl', 3, Date.UTC(2024, 1, 27)))
    const summary = JSON.parse(session.finish())
    session.delete()
    expect(summary.chats.map((c: { from: string; to: string }) => [c.from, c.to])).toEqual([
      ['2024-03-01', '2024-03-09'],
      ['2024-02-27', '2024-02-29'],
    ])
    expect([summary.from, summary.to]).toEqual(['2024-02-27', '2024-03-09'])
  })
})
