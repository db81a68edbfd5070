import { openRuntime, startupAccountNotice } from '../../runtime.js';
import { loadDemo, DEMO_PASSWORD } from '../../services/demo.js';
import { loadDemoPublications } from '../../services/publications/demo.js';
import { publishDemoReports } from '../../services/reports/demo-reports.js';
import { ROLE_LABELS, type Role } from '../../services/context.js';
import type { ParsedArgs } from '../args.js';

export async function demoCommand(args: ParsedArgs): Promise<number> {
  const rt = await openRuntime();
  try {
    const t0 = Date.now();
    const n = typeof args.flags.requests === 'string' ? Number(args.flags.requests) : undefined;
    const r = await loadDemo(rt.systemContext(), { requests: n });
    const p = await loadDemoPublications(rt.systemContext());
    // The annual reports of the ended demo years, reviewed and published as an office would have (each January).
    const thisYear = Number(rt.systemContext().today.slice(0, 4));
    const published = await publishDemoReports(rt.systemContext(), Array.from({ length: thisYear - 2024 }, (_, i) => 2024 + i));
    process.stdout.write(`已载入示范机关演示数据：申请 ${r.requests} 件，行政复议/诉讼案件 ${r.cases} 件，主动公开信息 ${p.publications} 条，已发布 ${published.map((y) => `${y}`).join('、') || '无'} 年度报告（${((Date.now() - t0) / 1000).toFixed(1)} 秒）。\n\n演示业务账号（密码均为 ${DEMO_PASSWORD}）：\n`);
    for (const u of r.users) process.stdout.write(`  ${u.username.padEnd(10)} ${u.displayName}  ${u.roles.map((x) => ROLE_LABELS[x as Role]).join('、')}${u.department ? `（${u.department}）` : ''}\n`);
    process.stdout.write(startupAccountNotice(rt));
    process.stdout.write('\n启动：npm start，然后打开 http://localhost:3000/staff\n');
    return 0;
  } finally { await rt.close(); }
}
