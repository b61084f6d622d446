export interface TrackerStatsView {
  events: number;
  cpuMs: number;
  flushes: number;
  recordsWritten: number;
  bytesWritten: number;
  tabs: number;
  /** The last duration of each message's handler, in ms. */
  handlerMs: Record<string, number>;
}

export interface DiagnosticsMessages {
  /** What live tracking has cost since the worker started (benchmarks, troubleshooting). */
  'diagnostics.tracker': { req: Record<string, never>; res: TrackerStatsView };
}
