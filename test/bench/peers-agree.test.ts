// The side-by-side benchmark (bench/peers, issue 8) times only routers that give App Mesh's answers:
// this pins that every peer adapter returns meshroute's route on every request of both path-only
// workloads, that meshroute returns the precedence model's, and that the workloads exercise what
// they claim (plain-prefix near misses, longest-prefix-wins, catch-all misses).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAll, formatMismatches, modelAnswers } from '../../bench/peers/agree.js';
import { makePeerWorkload, CATCH_ALL } from '../../bench/peers/workload.js';

test('peers: every adapter returns meshroute\'s route on all 1,000 requests of prefix200 and static200', () => {
  const ms = checkAll();
  assert.equal(ms.length, 0, `adapters disagree with meshroute:\n${formatMismatches(ms)}`);
});

test('peers: the workloads are deterministic and cover each request class', () => {
  const a = makePeerWorkload('prefix200');
  assert.deepEqual(a, makePeerWorkload('prefix200'), 'same seed, same workload');
  assert.equal(a.rules.length, 201);
  assert.equal(a.requests.length, 1000);
  const answers = modelAnswers(a);
  const byClass = new Map<string, (string | undefined)[]>();
  a.requests.forEach((r, i) => byClass.set(r.cls, [...(byClass.get(r.cls) ?? []), answers[i]]));
  for (const cls of ['hit', 'deep-hit', 'exact-prefix', 'trailing-slash', 'near-miss', 'unknown-version', 'static-asset']) {
    assert.ok((byClass.get(cls)?.length ?? 0) >= 30, `prefix200 has ≥ 30 ${cls} requests (has ${byClass.get(cls)?.length ?? 0})`);
  }
  // App Mesh prefixes are plain string prefixes: `/api/vV/svcSx/…` is a hit on svcS, not a miss.
  assert.ok(byClass.get('near-miss')!.every((id) => id !== CATCH_ALL && id !== undefined));
  assert.ok(byClass.get('unknown-version')!.every((id) => id === CATCH_ALL));
  assert.ok(byClass.get('static-asset')!.every((id) => id === CATCH_ALL));
  // Longest prefix wins: some hit goes to svc1x where svc1 also matches.
  const i = a.requests.findIndex((r) => /^\/api\/v\d\/svc1\d\//.test(r.path));
  assert.ok(i >= 0 && /svc1\d$/.test(answers[i]!), `longest prefix wins for ${a.requests[i]?.path}: ${answers[i]}`);

  const s = makePeerWorkload('static200');
  const sa = modelAnswers(s);
  assert.equal(s.requests.filter((r, k) => r.cls === 'hit' && sa[k] !== CATCH_ALL).length, s.requests.filter((r) => r.cls === 'hit').length);
  assert.ok(s.requests.every((r, k) => r.cls === 'hit' || sa[k] === CATCH_ALL));
});
