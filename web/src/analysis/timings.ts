// Where the worker's time goes, phase by phase, for bench/web_bench.mjs (issue 16: the bench
// says where the browser's time goes). The worker leaves the last run's figures in a
// performance mark named WORKER_TIMINGS_MARK, whose detail the bench reads in the worker.
export const WORKER_TIMINGS_MARK = 'chatlens:worker'

export interface WorkerTimings {
  // Milliseconds of the last analysis, in the order they happen.
  plan: number // the inputs' first bytes, zip central directories
  import: number // Session.addInput, the core's import, reads included
  read: number // of which: the read callback (slices, inflating zip entries, copies into WebAssembly memory)
  fileRead: number // of which: FileReaderSync itself
  finish: number // Session.finish: the corpus made whole
  insights: number // Session.report: owner, links, insights, the report's JSON text
  parse: number // JSON.parse of that text in the worker
  post: number // postMessage of the report (the structured clone's worker side)
  // Slices read from Files, and their bytes (a re-read counts again).
  slices: number
  sliceBytes: number
  // How the core's reads reached the Files: "stream" (Blob streams read ahead, the core's
  // reads waiting through JSPI: stream-blob.ts) or "sync" (FileReaderSync slices).
  reads: 'stream' | 'sync'
  // Of `import`, on the stream path: milliseconds waiting for bytes; the stream's chunks and bytes.
  streamWait: number
  streamChunks: number
  streamBytes: number
  // When the report was posted: ms since the epoch (timeOrigin + now), to compare with the page's clock.
  postedAt: number
}

export const emptyTimings = (): WorkerTimings => ({
  plan: 0,
  import: 0,
  read: 0,
  fileRead: 0,
  finish: 0,
  insights: 0,
  parse: 0,
  post: 0,
  slices: 0,
  sliceBytes: 0,
  reads: 'sync',
  streamWait: 0,
  streamChunks: 0,
  streamBytes: 0,
  postedAt: 0,
})

// Adds the time `fn` takes to `phase`, and returns what it returns.
export function timed<T>(t: WorkerTimings, phase: 'plan' | 'import' | 'read' | 'fileRead' | 'finish' | 'insights' | 'parse' | 'post', fn: () => T): T {
  const start = performance.now()
  try {
    return fn()
  } finally {
    t[phase] += performance.now() - start
  }
}

// Leaves the figures where the bench looks (a no-op where performance.mark takes no detail).
export function publishTimings(t: WorkerTimings): void {
  try {
    performance.clearMarks?.(WORKER_TIMINGS_MARK)
    performance.mark?.(WORKER_TIMINGS_MARK, { detail: { ...t } })
  } catch {
    /* only a measurement */
  }
}
