/**
 * Fresh-process measurement, shared by the benchmarks: a parent runs `node <args>` (the benchmark
 * file in a child mode), the child prints one `RESULT <json>` line, the parent parses it.
 */
import { spawnSync } from 'node:child_process';

/** Runs `node ...args` and returns the JSON of its RESULT line; a failed child stops the run with the command that reproduces it. */
export function runChild<T>(args: string[], what: string): T {
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const line = r.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (r.status !== 0 || line === undefined) throw new Error(`${what} failed (exit ${r.status}):\n${r.stderr}${r.stdout}\nreproduce: node ${args.join(' ')}`);
  return JSON.parse(line.slice('RESULT '.length)) as T;
}

/** The child's side: its one RESULT line. */
export function reportResult(result: unknown): void {
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
}
