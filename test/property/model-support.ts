/**
 * Shared by the model property tests: run counts (MESHROUTE_LONG=1 for 10x), replay settings, and
 * failure messages that show the offending documents as YAML.
 *
 * Reproduce a failure: fast-check prints `seed` and `path`; rerun with
 *   MESHROUTE_SEED=<seed> MESHROUTE_PATH=<path> node scripts/test.mjs test/property/model-
 */
import fc from 'fast-check';
import { stringify } from 'yaml';

/** Write YAML as kubectl reads it back (YAML 1.1-style scalars, docs/errors.md): `y`, `on`, `0777` get quoted. */
const KUBECTL_YAML = { version: '1.1' } as const;

export const LONG = process.env.MESHROUTE_LONG === '1';

/** fast-check parameters: `runs` cases (10x in long mode), or the replay given in the environment. */
export function params(runs: number): fc.Parameters<unknown> {
  const p: fc.Parameters<unknown> = { numRuns: LONG ? runs * 10 : runs };
  if (process.env.MESHROUTE_SEED) p.seed = Number(process.env.MESHROUTE_SEED);
  if (process.env.MESHROUTE_PATH) p.path = process.env.MESHROUTE_PATH;
  return p;
}

/** YAML of any value (documents separated by `---` when an array of objects). */
export function asYaml(value: unknown): string {
  try {
    if (Array.isArray(value)) return value.map((d) => stringify(d, KUBECTL_YAML)).join('---\n');
    return stringify(value, KUBECTL_YAML);
  } catch {
    return JSON.stringify(value, null, 2);
  }
}

/** Runs `check`; on failure rethrows with the documents appended as YAML. */
export function explain(documents: unknown, check: () => void): void {
  try {
    check();
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    e.message += `\n--- offending input (YAML) ---\n${asYaml(documents)}`;
    throw e;
  }
}
