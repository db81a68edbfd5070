import { parseArgs, CliError } from './args.js';
import { calendarCommand } from './commands/calendar.js';
import { serveCommand } from './commands/serve.js';
import { openRuntime, startupAccountNotice } from '../runtime.js';
import { verifyAuditChain } from '../services/audit.js';
import { runDeadlineAlerts } from '../services/alerts.js';
import { DomainError } from '../core/errors.js';

const USAGE = `gongkai — 政府信息公开工作平台

用法: gongkai [--data DIR] <命令>
  serve [--port 3000]                     启动服务（先执行迁移）
  migrate                                 执行数据库迁移
  import requests FILE                    导入申请台账（.csv UTF-8/GBK | .xlsx | .json）
  import cases FILE                       导入行政复议/行政诉讼台账
  import publications FILE                导入主动公开信息
  export requests FILE                    导出申请台账（.csv | .xlsx | .json）
  report annual --year Y [--format gov-2021|gov-2019|gov-2014] [--out FILE.json|.xlsx|.docx|.html] [--json]
  notice REF --type TYPE --out FILE.docx|.html
  calendar due --from YYYY-MM-DD --days N  第N个工作日
  calendar is-workday YYYY-MM-DD           是否工作日（true/false）
  calendar set-year FILE.json              录入或更正某年节假日安排
  alerts run                               期限提醒（3个工作日内到期、已超期）
  demo                                     载入示范机关演示数据
  user list|add|reset-password|disable|enable  账号管理（三员分立：系统管理员、审计员账号只能在此办理）
  backup FILE / restore FILE               备份 / 恢复
  audit verify                             校验审计日志与办理记录的 HMAC-SM3 链及外部锚点
环境变量: DATABASE_URL（使用 PostgreSQL）, GONGKAI_DATA_DIR（嵌入式数据库目录，默认 ./data）`;

type Handler = (args: ReturnType<typeof parseArgs>) => Promise<number>;

const COMMANDS: Record<string, () => Promise<Handler>> = {
  serve: async () => serveCommand,
  calendar: async () => calendarCommand,
  migrate: async () => async () => {
    const rt = await openRuntime();
    process.stdout.write('数据库迁移完成。\n');
    process.stdout.write(startupAccountNotice(rt));
    await rt.close();
    return 0;
  },
  audit: async () => async (args) => {
    if (args.positionals[0] !== 'verify') throw new CliError('用法：gongkai audit verify');
    const rt = await openRuntime();
    try {
      const r = await verifyAuditChain(rt.handle.db);
      if (r.ok) process.stdout.write(`${r.message}\n`);
      else process.stderr.write(`审计日志与办理记录${r.message}\n${r.findings.slice(0, 20).map((f) => `- ${f.message}`).join('\n')}${r.findings.length > 20 ? `\n- ……另有 ${r.findings.length - 20} 处` : ''}\n`);
      return r.ok ? 0 : 1;
    } finally { await rt.close(); }
  },
  alerts: async () => async (args) => {
    if (args.positionals[0] !== 'run') throw new CliError('用法：gongkai alerts run');
    const rt = await openRuntime();
    try {
      const r = await runDeadlineAlerts(rt.systemContext(), (k, fn) => rt.handle.withAdvisoryLock(k, fn));
      if (!r) { process.stdout.write('另一进程正在运行期限提醒，本次跳过。\n'); return 0; }
      for (const g of r.groups) process.stdout.write(`${g.department}：3个工作日内到期 ${g.dueSoon.length} 件，已超期 ${g.overdue.length} 件\n`);
      if (!r.groups.length) process.stdout.write('没有即将到期或超期的申请。\n');
      return 0;
    } finally { await rt.close(); }
  },
};

/** Registers a command implemented in another module (keeps this file small as commands grow). */
export function registerCommand(name: string, load: () => Promise<Handler>): void {
  COMMANDS[name] = load;
}

export async function main(argv: string[]): Promise<number> {
  const { loadExtraCommands } = await import('./commands/registry.js');
  loadExtraCommands(registerCommand);
  const args = parseArgs(argv, ['json', 'build-web-if-missing', 'help']);
  const data = args.flags.data;
  if (typeof data === 'string') process.env.GONGKAI_DATA_DIR = data;
  const [name, ...rest] = args.positionals;
  if (!name || args.flags.help || name === 'help') { process.stdout.write(`${USAGE}\n`); return name ? 0 : 1; }
  const load = COMMANDS[name];
  if (!load) { process.stderr.write(`未知命令 "${name}"。\n\n${USAGE}\n`); return 2; }
  try {
    const handler = await load();
    return await handler({ positionals: rest, flags: args.flags });
  } catch (e) {
    if (e instanceof CliError || e instanceof DomainError) { process.stderr.write(`错误：${e.message}\n`); return 1; }
    const msg = (e as Error).message ?? String(e);
    process.stderr.write(`错误：${msg}\n`);
    if (process.env.GONGKAI_DEBUG) process.stderr.write(`${(e as Error).stack}\n`);
    return 1;
  }
}
