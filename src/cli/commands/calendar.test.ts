import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../index.js';

let dir: string;
const saved = process.env.DATABASE_URL;

/** Runs the CLI in-process on a data directory with no database (the shipped calendar). */
async function gongkai(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => { out += String(c); return true; });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => { err += String(c); return true; });
  try {
    return { code: await main(['--data', join(dir, 'data'), ...argv]), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

beforeAll(async () => {
  delete process.env.DATABASE_URL;
  dir = await mkdtemp(join(tmpdir(), 'gk-cli-calendar-'));
});
afterAll(async () => {
  if (saved !== undefined) process.env.DATABASE_URL = saved;
  await rm(dir, { recursive: true, force: true });
});

describe('gongkai calendar (issue 11 item 4: 2027 has no loaded notice yet)', () => {
  it('is-workday 2027-01-01 → false (元旦, presumed by law), with the 暂定 note on stderr', async () => {
    const r = await gongkai('calendar', 'is-workday', '2027-01-01');
    expect(r).toMatchObject({ code: 0, out: 'false\n' });
    expect(r.err).toBe('暂定：2027年节假日安排尚未载入，2027-01-01 为元旦（法定节假日），依据《全国年节及纪念日放假办法》（2024年11月10日国务院令第795号第四次修订，2025年1月1日起施行）推算。\n');
  });

  it('due --from 2026-12-04 --days 20 → 2027-01-04 (stdout stays the bare date), 暂定 on stderr', async () => {
    const r = await gongkai('calendar', 'due', '--from', '2026-12-04', '--days', '20');
    expect(r).toMatchObject({ code: 0, out: '2027-01-04\n' });
    expect(r.err).toMatch(/^暂定：期间跨入尚未载入节假日安排的年份（2027年），按《全国年节及纪念日放假办法》/);
  });

  it('a date inside a loaded year prints no note', async () => {
    expect(await gongkai('calendar', 'due', '--from', '2026-11-02', '--days', '20')).toEqual({ code: 0, out: '2026-11-30\n', err: '' });
    expect(await gongkai('calendar', 'is-workday', '2026-10-05')).toEqual({ code: 0, out: 'false\n', err: '' });
  });
});
