// Warms the core up while the user is still choosing files: small made-up chats (never
// the user's data) are imported and analysed a few times, and the results thrown away.
// Why: V8 compiles WebAssembly lazily with its baseline compiler (Liftoff) and only later
// re-compiles hot functions with its optimising one (TurboFan), on other threads. Without a
// warm-up that happens while the user's export is being analysed: the first functions run
// slow and the compilers take the second core. The core also builds some tables (emoji,
// stopwords, sentiment) on first use.
//
// The warm-up runs in steps of a few tens of milliseconds with the event loop between
// them, each followed by a pause as long as the step (the worker busy half the time at
// most: the page's thread keeps the CPU it needs on a small phone), and stops for good at
// the first message from the page (cancel()): an analysis never waits for more than the
// step under way, and never shares the core with it.
import type { CoreModule } from './engine'

// One step's chat: enough messages that each hot function runs many times, few enough that
// a step stays short on a slow phone (a drop waits for the step under way); the rounds add
// up to what V8 needs to optimise the hot functions.
const WHATSAPP_MESSAGES = 1000
const TELEGRAM_MESSAGES = 500
const ROUNDS = 12
// The warm-up starts this long after the core is ready: a person takes longer to choose files,
// and the page's first seconds (painting, the first interactions) keep the CPU to themselves.
// A drop before then cancels the warm-up before it starts (measured: a slowed phone showed the
// progress 145–295 ms after the pick with the warm-up starting at once, 83 ms without).
const START_AFTER_MS = 2000

const PEOPLE = ['Alex Rivera', 'Ana Gómez', 'Bruno Díaz', 'Chen Wei']
const WORDS = (
  'hola qué tal bien gracias mañana hoy cena trabajo fin semana vamos playa película ' +
  'hello how are you fine thanks tomorrow today dinner work weekend going beach movie ' +
  'great really nice sorry late home call later love happy birthday 😂 ❤️ 👍 🎉 🙏 😅'
).split(' ')

// A small deterministic pseudo-random generator (mulberry32): the same chats every time.
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface Made {
  at: Date
  from: string
  text: string
}

// Messages over two years from four people, with questions, links, emoji and media.
function messages(n: number, seed: number): Made[] {
  const r = random(seed)
  const pick = <T>(list: T[]) => list[Math.floor(r() * list.length)]
  const out: Made[] = []
  let t = Date.UTC(2023, 0, 1, 9)
  for (let i = 0; i < n; i++) {
    t += Math.floor(r() * (r() < 0.1 ? 2 * 86400 : 1800)) * 1000 + 1000
    const len = 1 + Math.floor(r() * 12)
    const words: string[] = []
    for (let w = 0; w < len; w++) words.push(pick(WORDS))
    let text = words.join(' ')
    const kind = r()
    if (kind < 0.05) text = '<Media omitted>'
    else if (kind < 0.08) text += ' https://example.com/a'
    else if (kind < 0.2) text += '?'
    out.push({ at: new Date(t), from: pick(PEOPLE), text })
  }
  return out
}

const pad = (n: number) => String(n).padStart(2, '0')

// A WhatsApp Android export ("d/m/yy, hh:mm - Name: text").
export function warmUpWhatsApp(n = WHATSAPP_MESSAGES, seed = 1): Uint8Array {
  const lines = messages(n, seed).map((m) => {
    const d = m.at
    return `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${String(d.getUTCFullYear()).slice(2)}, ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} - ${m.from}: ${m.text}`
  })
  return new TextEncoder().encode(lines.join('\n') + '\n')
}

// A Telegram full-account export (result.json) with a private chat and a group.
export function warmUpTelegram(n = TELEGRAM_MESSAGES, seed = 2): Uint8Array {
  const ids: Record<string, string> = Object.fromEntries(PEOPLE.map((p, i) => [p, `user${1000 + i}`]))
  const chat = (name: string, type: string, id: number, list: Made[]) => ({
    name,
    type,
    id,
    messages: list.map((m, i) => ({
      id: i + 1,
      type: 'message',
      date: m.at.toISOString().slice(0, 19),
      date_unixtime: String(Math.floor(m.at.getTime() / 1000)),
      from: m.from,
      from_id: ids[m.from],
      text: m.text,
      text_entities: [{ type: 'plain', text: m.text }],
    })),
  })
  const all = messages(n, seed)
  const half = Math.floor(n / 2)
  const pair = all.slice(0, half).map((m, i) => ({ ...m, from: i % 3 ? PEOPLE[0] : PEOPLE[1] }))
  const data = {
    about: 'warm-up',
    personal_information: { user_id: 1000, first_name: 'Alex', last_name: 'Rivera' },
    chats: { about: '', list: [chat(PEOPLE[1], 'personal_chat', 1001, pair), chat('Group', 'private_group', 2001, all.slice(half))] },
  }
  return new TextEncoder().encode(JSON.stringify(data, null, 1))
}

// Imports one made-up input and builds its report, then throws everything away.
function analyseOnce(core: CoreModule, name: string, bytes: Uint8Array, today: string): void {
  const session = new core.Session(() => {}, today)
  try {
    session.addInput(name, bytes.length, '', (offset, ptr, n) => {
      const piece = bytes.subarray(offset, offset + n)
      core.HEAPU8.set(piece, ptr)
      return piece.length
    })
    session.finish()
    session.report({ me: PEOPLE[0] })
  } finally {
    session.delete()
  }
}

// How to wait between steps, given how long the last one took: the event loop must run
// (the page's messages come in there).
export type Yield = (lastStepMs: number) => Promise<void>
const idleAsLong: Yield = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

export class WarmUp {
  private cancelled = false
  // Steps run so far (tests and benchmarks).
  steps = 0
  readonly done: Promise<void>

  constructor(
    private readonly core: CoreModule,
    {
      rounds = ROUNDS,
      pause = idleAsLong,
      today = '2025-01-01',
      startAfterMs = START_AFTER_MS,
    }: { rounds?: number; pause?: Yield; today?: string; startAfterMs?: number } = {},
  ) {
    this.done = this.run(rounds, pause, today, startAfterMs)
  }

  // Stops before the next step (the one under way, if any, has already ended: one thread).
  cancel(): void {
    this.cancelled = true
  }

  private async run(rounds: number, pause: Yield, today: string, startAfterMs: number): Promise<void> {
    const inputs: [string, () => Uint8Array][] = [
      ['warm-up.txt', () => warmUpWhatsApp()],
      ['result.json', () => warmUpTelegram()],
    ]
    const made = new Map<string, Uint8Array>()
    let lastStepMs = startAfterMs // the first pause is the wait before the start
    for (let round = 0; round < rounds; round++) {
      for (const [name, make] of inputs) {
        await pause(lastStepMs)
        if (this.cancelled) return
        const start = performance.now()
        let bytes = made.get(name)
        if (!bytes) made.set(name, (bytes = make()))
        try {
          analyseOnce(this.core, name, bytes, today)
        } catch {
          this.cancelled = true // only an optimisation: a core that fails here fails the user's run by itself
          return
        }
        this.steps++
        lastStepMs = performance.now() - start
      }
    }
    this.cancelled = true
  }
}
