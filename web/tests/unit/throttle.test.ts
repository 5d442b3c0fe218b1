// The worker's progress reaches the page a dozen times a second; the page shows it a few
// times a second (src/lib/throttle.ts, src/store.ts): the first at once, the latest of each
// interval when it ends, nothing stale after a run's result.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Throttle } from '../../src/lib/throttle'
import { handle, PROGRESS_INTERVAL_MS, state } from '../../src/store'
import type { Report } from '../../src/report'

let clock = 0
beforeEach(() => {
  vi.useFakeTimers()
  clock = 0
})
afterEach(() => vi.useRealTimers())

function throttled() {
  const shown: number[] = []
  const t = new Throttle<number>(
    250,
    (v) => shown.push(v),
    () => clock,
  )
  return { t, shown }
}
const advance = (ms: number) => {
  clock += ms
  vi.advanceTimersByTime(ms)
}

describe('throttle', () => {
  it('passes the first value at once and only the latest of each interval after it', () => {
    const { t, shown } = throttled()
    t.push(1)
    expect(shown).toEqual([1])
    for (let v = 2; v <= 4; v++) {
      advance(80)
      t.push(v)
    }
    expect(shown).toEqual([1]) // 240 ms: still within the interval
    advance(10)
    expect(shown).toEqual([1, 4]) // the interval ended: the latest, once
    advance(1000)
    expect(shown).toEqual([1, 4]) // nothing held back, nothing repeated
    t.push(5)
    expect(shown).toEqual([1, 4, 5]) // a quiet interval past: at once again
  })

  it('shows at most one value per interval under a steady stream', () => {
    const { t, shown } = throttled()
    for (let i = 0; i < 100; i++) {
      t.push(i)
      advance(20)
    }
    advance(250)
    // 2 s of pushes every 20 ms: about 8 shown, the last one among them.
    expect(shown.length).toBeGreaterThanOrEqual(8)
    expect(shown.length).toBeLessThanOrEqual(10)
    expect(shown.at(-1)).toBe(99)
  })

  it('flush shows what is held back now; cancel drops it', () => {
    const { t, shown } = throttled()
    t.push(1)
    t.push(2)
    t.flush()
    expect(shown).toEqual([1, 2])
    advance(10)
    t.push(3)
    t.cancel()
    advance(1000)
    expect(shown).toEqual([1, 2])
  })
})

describe('the progress shown by the page', () => {
  const progress = (done: number) => handle({ type: 'progress', phase: 'importing', file: 'a.txt', done, total: 100 })

  it('follows the worker a few times a second, and the result is never overwritten by a late one', () => {
    vi.setSystemTime(0)
    vi.advanceTimersByTime(PROGRESS_INTERVAL_MS * 2)
    progress(10)
    expect(state.progress.done).toBe(10)
    for (let done = 11; done <= 20; done++) {
      vi.advanceTimersByTime(10)
      progress(done)
    }
    expect(state.progress.done).toBe(10) // held back
    vi.advanceTimersByTime(PROGRESS_INTERVAL_MS)
    expect(state.progress.done).toBe(20) // the latest
    progress(30) // held back when the report comes
    handle({ type: 'report', report: { sections: {} } as unknown as Report, options: {}, ms: 1, suggestions: [] })
    expect(state.progress.done).toBe(100)
    vi.advanceTimersByTime(PROGRESS_INTERVAL_MS * 2)
    expect(state.progress.done).toBe(100)
  })
})
