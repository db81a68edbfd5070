import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { openRuntime, startupAccountNotice } from '../../runtime.js';
import { buildApp, DEFAULT_WEB_DIR } from '../../server/app.js';
import { runDeadlineAlerts } from '../../services/alerts.js';
import { AUDIT_SEAL_INTERVAL_MS, sealAudit } from '../../services/audit.js';
import { type ParsedArgs, flagString } from '../args.js';

/** Starts the server: migrate, seed, print the first admin password once, serve pages and API, daily job. */
export async function serveCommand(args: ParsedArgs): Promise<number> {
  if (args.flags['build-web-if-missing'] && !existsSync(DEFAULT_WEB_DIR)) {
    process.stdout.write('首次启动：正在构建前端页面（vite build）…\n');
    const root = fileURLToPath(new URL('../../../', import.meta.url));
    const r = spawnSync(process.execPath, [fileURLToPath(new URL('../../../node_modules/vite/bin/vite.js', import.meta.url)), 'build'], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) process.stderr.write('前端构建失败：仅提供 API 服务。\n');
  }
  const port = Number(flagString(args.flags, 'port') ?? process.env.PORT ?? 3000);
  const rt = await openRuntime({ port });
  const app = await buildApp({ db: rt.handle.db, keys: rt.keys, clock: () => new Date(), cookieSecure: rt.config.cookieSecure, sessionIdleMinutes: rt.config.sessionIdleMinutes, trustProxy: rt.config.trustProxy, logger: { level: rt.config.logLevel } });
  const notice = startupAccountNotice(rt);
  if (notice) process.stdout.write(`\n==========================================\n${notice}${rt.bootstrap.length ? '（载入演示数据：npx gongkai demo）\n' : ''}==========================================\n\n`);
  let timer: NodeJS.Timeout | null = null;
  if (rt.config.scheduler) {
    // Daily deadline job: hourly tick, runs at most once per day, one process of many (advisory lock).
    let lastRun = '';
    const tick = async () => {
      const ctx = rt.systemContext();
      if (ctx.today === lastRun) return;
      try {
        const r = await runDeadlineAlerts(ctx, (k, fn) => rt.handle.withAdvisoryLock(k, fn));
        if (r) app.log.info({ runOn: r.runOn, groups: r.groups.length }, 'deadline alerts computed');
        lastRun = ctx.today;
      } catch (e) { app.log.error(e, 'deadline alerts failed'); }
    };
    timer = setInterval(tick, 3600_000);
    setTimeout(tick, 5_000).unref();
  }
  const sealer = setInterval(() => { rt.handle.withAdvisoryLock(724014, () => sealAudit(rt.handle.db)).catch((e) => app.log.error(e, 'audit sealing failed')); }, AUDIT_SEAL_INTERVAL_MS);
  sealer.unref();
  const shutdown = async () => { clearInterval(sealer); if (timer) clearInterval(timer); await app.close(); await rt.close(); process.exit(0); };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await app.listen({ port: rt.config.port, host: rt.config.host });
  process.stdout.write(`Gongkai 公开 已启动：http://localhost:${rt.config.port}/  （API 文档 /api/docs）\n`);
  return new Promise<number>(() => {});
}
