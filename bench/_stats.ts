/** tinybench result helpers shared by every benchmark. */
import type { Task } from 'tinybench';

/** Latency statistics (ms) of a finished task, or null when it did not complete. */
export function latencyOf(task: Task) {
  const r = task.result;
  return r.state === 'completed' || r.state === 'aborted-with-statistics' ? r.latency : null;
}

/** One printable row: median and p99 in ms, and the sample count. */
export function summaryRow(task: Task): Record<string, string | number> {
  const l = latencyOf(task);
  if (!l) return { task: task.name, error: task.result.state };
  return { task: task.name, 'median ms': l.p50.toFixed(2), 'p99 ms': l.p99.toFixed(2), samples: l.samplesCount };
}

/** A finished task's figures for the results JSON (median and p99 in ms); throws when it did not complete. */
export function taskStat(task: Task): { task: string; medianMs: number; p99Ms: number; samples: number } {
  const l = latencyOf(task);
  if (l === null) throw new Error(`${task.name} did not complete`);
  return { task: task.name, medianMs: l.p50!, p99Ms: l.p99!, samples: l.samplesCount };
}

/** Median of a non-empty list (the mean of the two middle values for an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

/** Run-to-run spread: (max − min) / median. */
export function spread(xs: readonly number[]): number {
  return xs.length < 2 ? 0 : (Math.max(...xs) - Math.min(...xs)) / median(xs);
}
