// Remaining time from progress samples: the average rate since the start,
// smoothed so the number does not jump about. Unknown (null) until there is
// enough to go on.
export class EtaEstimator {
  private start: number | null = null
  private smoothed: number | null = null

  constructor(private readonly minElapsedMs = 400) {}

  reset() {
    this.start = null
    this.smoothed = null
  }

  // Seconds left, or null while unknown.
  update(done: number, total: number, nowMs: number): number | null {
    if (this.start === null) this.start = nowMs
    const elapsed = nowMs - this.start
    if (total <= 0 || done <= 0 || elapsed < this.minElapsedMs) return null
    if (done >= total) return 0
    const rate = done / elapsed // units per ms
    const remaining = (total - done) / rate / 1000
    this.smoothed = this.smoothed === null ? remaining : 0.7 * this.smoothed + 0.3 * remaining
    return Math.max(0, this.smoothed)
  }
}
