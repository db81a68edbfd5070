import { openRuntime } from '../../runtime.js';
import { loadDemo, DEMO_PASSWORD } from '../../services/demo.js';
import { ROLE_LABELS, type Role } from '../../services/context.js';
import type { ParsedArgs } from '../args.js';

export async function demoCommand(args: ParsedArgs): Promise<number> {
  const rt = await openRuntime();
  try {
    const t0 = Date.now();
    const n = typeof args.flags.requests === 'string' ? Number(args.flags.requests) : undefined;
    const r = await loadDemo(rt.systemContext(), { requests: n });
    try {
      const { loadDemoPublications } = await import('../../services/publications/demo.js' as string);
      const p = await loadDemoPublications(rt.systemContext());
      process.stdout.write(`主动公开演示信息：${p.publications ?? p} 条\n`);
    } catch { /* publications module not present */ }
    process.stdout.write(`已载入示范机关演示数据：申请 ${r.requests} 件，行政复议/诉讼案件 ${r.cases} 件（${((Date.now() - t0) / 1000).toFixed(1)} 秒）。\n\n演示账号（密码均为 ${DEMO_PASSWORD}）：\n`);
    for (const u of r.users) process.stdout.write(`  ${u.username.padEnd(10)} ${u.displayName}  ${u.roles.map((x) => ROLE_LABELS[x as Role]).join('、')}${u.department ? `（${u.department}）` : ''}\n`);
    if (rt.bootstrap) process.stdout.write(`  admin      系统管理员  初始密码：${rt.bootstrap.password}\n`);
    process.stdout.write('\n启动：npm start，然后打开 http://localhost:3000/staff\n');
    return 0;
  } finally { await rt.close(); }
}
