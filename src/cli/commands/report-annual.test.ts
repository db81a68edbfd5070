import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../index.js';
import { buildScenario } from '../../../test/fixtures/ledgers/scenario.js';
import { writeScenarioFiles, type ScenarioFiles } from '../../../test/fixtures/ledgers/files.js';
import { expectAllZero, expectGov2014Report, expectTableReport } from '../../../test/fixtures/ledgers/expect-report.js';

/** Runs the CLI in-process on its own embedded database; returns exit code, stdout and stderr. */
async function gongkai(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => { out += String(c); return true; });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => { err += String(c); return true; });
  try {
    const code = await main(['--data', dataDir, ...argv]);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

const scenario = buildScenario();
let dir: string;
let dataDir: string;
let files: ScenarioFiles;
const saved = { url: process.env.DATABASE_URL, data: process.env.GONGKAI_DATA_DIR };

beforeAll(async () => {
  // The CLI opens the database named by its environment: use a fresh embedded one in a temporary directory.
  delete process.env.DATABASE_URL;
  dir = await mkdtemp(join(tmpdir(), 'gk-cli-report-'));
  dataDir = join(dir, 'data');
  files = await writeScenarioFiles(dir, scenario);
});
afterAll(async () => {
  if (saved.url === undefined) delete process.env.DATABASE_URL; else process.env.DATABASE_URL = saved.url;
  if (saved.data === undefined) delete process.env.GONGKAI_DATA_DIR; else process.env.GONGKAI_DATA_DIR = saved.data;
  await rm(dir, { recursive: true, force: true });
});

describe('gongkai import + gongkai report annual --json', () => {
  it('an empty database reports all zeros', async () => {
    const r = await gongkai('report', 'annual', '--year', '2022', '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.format).toBe('gov-2021');
    expectAllZero(report);
  });

  it('imports the request and case ledgers, printing a summary', async () => {
    for (const file of files.requests) {
      const r = await gongkai('import', 'requests', file);
      expect({ file, code: r.code, err: r.err }).toEqual({ file, code: 0, err: '' });
      expect(r.out).toMatch(new RegExp(`^已导入 ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}：共 \\d+ 行，新增申请 \\d+ 件，更新 0 件。`));
    }
    const c = await gongkai('import', 'cases', files.cases);
    expect(c.code).toBe(0);
    expect(c.out).toContain(`新增案件 ${scenario.cases.length} 件`);
  });

  it('report --json gives the constructed tables cell for cell in all three formats', async () => {
    const y2024 = await gongkai('report', 'annual', '--year', '2024', '--json');
    expect(y2024.code).toBe(0);
    expectTableReport(JSON.parse(y2024.out), scenario.gov2021_2024, { everyCellNonZero: true });
    const y2020 = await gongkai('report', 'annual', '--year', '2020', '--json');
    expectTableReport(JSON.parse(y2020.out), scenario.gov2019_2020, { everyCellNonZero: true });
    const y2016 = await gongkai('report', 'annual', '--year', '2016', '--json');
    const r16 = JSON.parse(y2016.out);
    expect(r16.format).toBe('gov-2014');
    expectGov2014Report(r16, scenario.gov2014_2016, { everyCellNonZero: true });
    expect(y2016.err).toBe('');
    const forced = JSON.parse((await gongkai('report', 'annual', '--year', '2024', '--format', 'gov-2014', '--json')).out);
    expect(forced.format).toBe('gov-2014');
    expect(forced.requests.received).toBe(scenario.gov2021_2024.rows.received[6]);
  });

  it('report --out writes .xlsx, .docx, .html and .json files; without options prints a summary', async () => {
    for (const ext of ['xlsx', 'docx', 'html', 'json']) {
      const out = join(dir, `report.${ext}`);
      const r = await gongkai('report', 'annual', '--year', '2016', '--out', out);
      expect(r.code).toBe(0);
      expect(r.out).toContain(`已写入 ${out}`);
      expect((await readFile(out)).length).toBeGreaterThan(1000);
    }
    const s = await gongkai('report', 'annual', '--year', '2024');
    expect(s.out).toContain(`本年新收 ${scenario.gov2021_2024.rows.received[6]} 件，上年结转 ${scenario.gov2021_2024.rows.carriedIn[6]} 件`);
    expect(s.out).toContain('全部通过');
    const bad = await gongkai('report', 'annual', '--year', '2024', '--format', 'gov-1999');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('--format 应为 gov-2021、gov-2019、gov-2014 之一');
    expect((await gongkai('report', 'annual')).code).toBe(1);
  });

  it('a bad ledger: every error on stderr as 文件 FILE 第R行「列」值"V"：消息, exit 1, nothing imported', async () => {
    const bad = join(dir, 'bad.csv');
    await writeFile(bad, '受理编号,收到日期,申请方式,申请人类型,申请人,申请内容,答复日期,办理结果\nQ-1,2024-01-05,网络,自然人,甲,内容,2024-01-09,予以公开\nQ-1,2024-01-06,网络,自然人,乙,内容,,\nQ-2,2024-01-07,鸽子,自然人,丙,内容,,\n');
    const r = await gongkai('import', 'requests', bad);
    expect(r.code).toBe(1);
    expect(r.err.split('\n').slice(0, 2)).toEqual([
      `文件 ${bad} 第3行「受理编号」值"Q-1"：受理编号与第2行重复；同一文件中每个受理编号只能出现一次`,
      `文件 ${bad} 第4行「申请方式」值"鸽子"：无法识别的申请方式，应为：当面、信函、传真、网络、电子邮件、其他`,
    ]);
    expect(r.err).toContain('有 2 处错误');
    const after = JSON.parse((await gongkai('report', 'annual', '--year', '2024', '--json')).out);
    expect(after.requests.rows.received[6]).toBe(scenario.gov2021_2024.rows.received[6]);
  });

  it('export requests writes a ledger that imports back as updates', async () => {
    const out = join(dir, 'export.csv');
    const r = await gongkai('export', 'requests', out);
    expect(r.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    const text = await readFile(out, 'utf8');
    expect(text.startsWith('\uFEFF受理编号,收到日期,申请方式,申请人类型,申请人,申请内容,承办单位,补正告知日期,补正收到日期,延期,答复日期,办理结果,收费金额')).toBe(true);
    const back = await gongkai('import', 'requests', out);
    expect(back.code).toBe(0);
    expect(back.out).toContain('新增申请 0 件');
  });
});
