// The latest of a stream of values, passed on at most once per interval: the first at
// once, then only the last one of each interval, when it ends. The worker reports its
// progress a dozen times a second; each one shown re-renders the progress display, which on
// a slow phone costs the main thread more than the numbers are worth.
export class Throttle<T> {
  private last = -Infinity
  private pending: { value: T } | null = null
  private timer: ReturnType<typeof setTimeout> | null = null

  constructor(
    private readonly intervalMs: number,
    private readonly apply: (value: T) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  push(value: T) {
    const t = this.now()
    if (this.timer === null && t - this.last >= this.intervalMs) {
      this.last = t
      this.apply(value)
      return
    }
    this.pending = { value }
    this.timer ??= setTimeout(() => this.flush(), Math.max(0, this.intervalMs - (t - this.last)))
  }

  // Passes the value held back (if any) on now.
  flush() {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
    const p = this.pending
    this.pending = null
    if (!p) return
    this.last = this.now()
    this.apply(p.value)
  }

  // Drops the value held back: what it would show is out of date (a new run, the result).
  cancel() {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
    this.pending = null
  }
}
