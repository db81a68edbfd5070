import { describe, expect, it } from 'vitest';
import { batchCalls } from './batch-calls.js';

/** A loader over a fixed table that records each call's keys; `gate` holds calls open until released. */
function table(rows: Record<string, number>, gate?: Promise<void>) {
  const calls: string[][] = [];
  const load = async (keys: string[]) => {
    calls.push(keys);
    if (gate) await gate;
    return new Map(keys.filter((k) => k in rows).map((k) => [k, rows[k]]));
  };
  return { calls, load };
}

describe('batchCalls', () => {
  it('answers lookups of the same turn with one load, each with its own value; repeated keys are loaded once', async () => {
    const t = table({ a: 1, b: 2, c: 3 });
    const find = batchCalls(t.load);
    expect(await Promise.all(['a', 'b', 'x', 'a', 'c'].map(find))).toEqual([1, 2, undefined, 1, 3]);
    expect(t.calls).toEqual([['a', 'b', 'x', 'c']]);
  });

  it('a lookup of a later turn reads again (no cache)', async () => {
    const rows: Record<string, number> = { a: 1 };
    const t = table(rows);
    const find = batchCalls(t.load);
    expect(await find('a')).toBe(1);
    rows.a = 2;
    expect(await find('a')).toBe(2);
    expect(t.calls).toEqual([['a'], ['a']]);
  });

  it('splits at maxBatch and never runs more than maxInFlight loads at once', async () => {
    let release!: () => void;
    const t = table(Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, i])), new Promise<void>((r) => { release = r; }));
    const find = batchCalls(t.load, { maxBatch: 3, maxInFlight: 2 });
    const all = Promise.all(Array.from({ length: 10 }, (_, i) => find(`k${i}`)));
    await new Promise((r) => setImmediate(r));
    expect(t.calls).toEqual([['k0', 'k1', 'k2'], ['k3', 'k4', 'k5']]);
    release();
    expect(await all).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(t.calls.map((c) => c.length)).toEqual([3, 3, 3, 1]);
  });

  it('a failed load rejects every lookup of its batch and leaves later ones working', async () => {
    let fail = true;
    const find = batchCalls(async (keys: string[]) => {
      if (fail) throw new Error('database unavailable');
      return new Map(keys.map((k) => [k, k.length]));
    });
    const results = await Promise.allSettled([find('a'), find('bb')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await find('ccc')).toBe(3);
  });
});
