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
