import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDb, lockHolderAlive } from './client.js';

const dirs: string[] = [];
const scratch = () => { const d = mkdtempSync(join(tmpdir(), 'gk-client-')); dirs.push(d); return d; };
/** One data directory for the tests below that only open and close (a first open runs initdb: seconds). */
let shared: string | undefined;
const sharedDir = () => (shared ??= scratch());
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

const client = fileURLToPath(new URL('./client.ts', import.meta.url));
const hasStrace = spawnSync('strace', ['-V']).status === 0;

/**
 * Issue 12 item 4: 200 acknowledged submissions on the embedded store made 0 fsync/fdatasync calls. A child process
 * opens a data directory, commits 40 transactions one by one, and strace counts the fsync calls it makes.
 */
function fsyncsFor(durable: boolean): { fsyncs: number; commits: number } {
  const dir = scratch();
  const trace = join(dir, 'strace.txt');
  const script = `const { openDb } = await import(${JSON.stringify(client)});
    const h = await openDb({ databaseUrl: null, dataDir: ${JSON.stringify(join(dir, 'data'))}, durable: ${durable} });
    await h.exec('CREATE TABLE t (id serial PRIMARY KEY, v text)');
    await h.exec('CHECKPOINT');
    process.stdout.write('ready\\n');
    for (let i = 0; i < 40; i++) await h.exec("INSERT INTO t (v) VALUES ('x" + i + "')");
    await h.close();`;
  const out = execFileSync('strace', ['-f', '-e', 'trace=fsync,fdatasync,write', '-o', trace, process.execPath, '--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 120_000 });
  expect(out).toContain('ready');
  // Only the fsyncs made after the table was created and checkpointed: those of the 40 commits.
  const lines = readFileSync(trace, 'utf8').split('\n');
  const ready = lines.findIndex((l) => l.includes('write(') && l.includes('"ready\\n"'));
  expect(ready).toBeGreaterThan(0);
  const fsyncs = lines.slice(ready).filter((l) => /\b(fsync|fdatasync)\(\d+\)\s+=\s+0/.test(l)).length;
  return { fsyncs, commits: 40 };
}

describe('embedded store durability', () => {
  it.runIf(hasStrace)('fsyncs on every commit (PGlite as shipped: none)', { timeout: 300_000 }, () => {
    const before = fsyncsFor(false);
    expect(before.fsyncs).toBe(0);
    const after = fsyncsFor(true);
    expect(after.fsyncs).toBeGreaterThanOrEqual(after.commits);
  });

  it('data written by a durable store is read back after reopening', async () => {
    const dir = sharedDir();
    let h = await openDb({ databaseUrl: null, dataDir: dir });
    await h.exec('CREATE TABLE t (v text); INSERT INTO t VALUES (\'保存\')');
    await h.close();
    h = await openDb({ databaseUrl: null, dataDir: dir });
    const r = await h.db.execute('SELECT v FROM t' as never) as unknown as { rows: { v: string }[] };
    expect(r.rows).toEqual([{ v: '保存' }]);
    await h.close();
  });
});

/** Issue 12 item 8: a stale gongkai.lock whose pid was reused by another process blocked start-up. */
describe('data directory lock', () => {
  const startTime = (pid: number) => { const s = readFileSync(`/proc/${pid}/stat`, 'utf8'); return s.slice(s.lastIndexOf(')') + 2).split(' ')[19]; };
  const onLinux = process.platform === 'linux';

  it.runIf(onLinux)('a lock whose pid now belongs to another program is stale and start-up proceeds', async () => {
    const other = spawn('sleep', ['30']);
    try {
      const dir = sharedDir();
      // An old-format lock (pid only) naming a live process that is not gongkai: the pid was reused.
      writeFileSync(join(dir, 'gongkai.lock'), String(other.pid));
      expect(lockHolderAlive(other.pid!, null)).toBe(false);
      const h = await openDb({ databaseUrl: null, dataDir: dir });
      expect(readFileSync(join(dir, 'gongkai.lock'), 'utf8').split('\n')[0]).toBe(String(process.pid));
      await h.close();
      // A lock recording a start time: a live process with that pid but another start time is not the holder.
      writeFileSync(join(dir, 'gongkai.lock'), `${other.pid}\n1\n`);
      expect(lockHolderAlive(other.pid!, '1')).toBe(false);
      await (await openDb({ databaseUrl: null, dataDir: dir })).close();
    } finally { other.kill(); }
  });

  it.runIf(onLinux)('a lock held by a live process (same pid, same start time) refuses a second opener', async () => {
    const holder = spawn('sleep', ['30']);
    try {
      await new Promise((r) => setTimeout(r, 50));
      const dir = sharedDir();
      writeFileSync(join(dir, 'gongkai.lock'), `${holder.pid}\n${startTime(holder.pid!)}\n`);
      expect(lockHolderAlive(holder.pid!, startTime(holder.pid!))).toBe(true);
      await expect(openDb({ databaseUrl: null, dataDir: dir })).rejects.toThrow(`正被进程 ${holder.pid} 使用`);
    } finally { holder.kill(); }
  });

  it('a lock naming a process that has exited is stale', async () => {
    const gone = spawnSync('true').pid;
    const dir = sharedDir();
    writeFileSync(join(dir, 'gongkai.lock'), `${gone}\n`);
    expect(lockHolderAlive(gone, null)).toBe(false);
    await (await openDb({ databaseUrl: null, dataDir: dir })).close();
  });
});
