import { describe, expect, it } from 'vitest';
import { progressPrinter } from './import-publications.js';

function sink(isTTY: boolean) {
  const out: string[] = [];
  return { out, stream: { isTTY, write: (s: string) => { out.push(s); return true; } } as unknown as NodeJS.WriteStream };
}

describe('gongkai import publications: progress on stderr', () => {
  it('prints a line per 10 % when not on a terminal (logs, CI)', () => {
    const { out, stream } = sink(false);
    const p = progressPrinter(stream);
    p({ phase: 'validate', processed: 500, total: null });
    p({ phase: 'validate', processed: 100_000, total: 100_000 });
    for (let n = 500; n <= 100_000; n += 500) p({ phase: 'write', processed: n, total: 100_000 });
    expect(out[0]).toBe('校验完成：共 100,000 行\n');
    expect(out.slice(1)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100].map((pct) => `导入中 ${pct}%（${pct === 0 ? 500 : pct * 1000}/100000）\n`));
  });
  it('draws a bar in place on a terminal and ends with a newline', () => {
    const { out, stream } = sink(true);
    const p = progressPrinter(stream);
    p({ phase: 'write', processed: 100, total: 100 });
    expect(out.at(-1)).toBe(`\r\x1b[K导入中 [${'#'.repeat(30)}] 100%  100/100\n`);
  });
});
