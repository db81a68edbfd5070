import { openRuntime } from '../../runtime.js';
import { createAccountFromCli, resetAccountFromCli } from '../../services/users.js';
import { listDepartments } from '../../services/users.js';
import { users } from '../../db/schema/index.js';
import { ROLE_LABELS, ROLES, type Role } from '../../services/context.js';
import { CliError, flagString, type ParsedArgs } from '../args.js';

const USAGE = `用法：
  gongkai user list
  gongkai user add USERNAME --role ROLE[,ROLE] --name 姓名 [--department 承办单位名称]
  gongkai user reset-password USERNAME      生成新的初始密码（首次登录须修改），解除锁定
  gongkai user disable USERNAME | enable USERNAME
角色：${ROLES.map((r) => `${r}（${ROLE_LABELS[r]}）`).join('、')}
三员分立：系统管理员（admin）和审计员（auditor）账号只能在这里办理。`;

/** `gongkai user …`: account administration for whoever runs the server (三员分立). */
export async function userCommand(args: ParsedArgs): Promise<number> {
  const [sub, username] = args.positionals;
  if (!sub || (sub !== 'list' && !username)) throw new CliError(USAGE);
  const rt = await openRuntime();
  try {
    const db = rt.handle.db;
    if (sub === 'list') {
      for (const u of await db.select().from(users).orderBy(users.id)) {
        process.stdout.write(`${u.username.padEnd(14)} ${u.displayName}  ${(u.roles as Role[]).map((r) => ROLE_LABELS[r] ?? r).join('、') || '（无角色）'}${u.active ? '' : '  [已停用]'}${u.mustChangePassword ? '  [待修改初始密码]' : ''}\n`);
      }
      return 0;
    }
    if (sub === 'add') {
      const roles = (flagString(args.flags, 'role') ?? '').split(',').map((r) => r.trim()).filter(Boolean);
      const dept = flagString(args.flags, 'department');
      const departmentId = dept ? (await listDepartments(db)).find((d) => d.name === dept)?.id : null;
      if (dept && !departmentId) throw new CliError(`承办单位“${dept}”不存在`);
      const r = await createAccountFromCli(db, { username, displayName: flagString(args.flags, 'name') ?? username, roles, departmentId });
      process.stdout.write(`已创建账号 ${r.username}，初始密码：${r.password}（仅显示这一次；首次登录须修改）\n`);
      return 0;
    }
    if (sub === 'reset-password') {
      const r = await resetAccountFromCli(db, username, { resetPassword: true });
      process.stdout.write(`账号 ${username} 的新初始密码：${r.password}（仅显示这一次；登录后须修改；其登录会话已结束）\n`);
      return 0;
    }
    if (sub === 'disable' || sub === 'enable') {
      await resetAccountFromCli(db, username, { active: sub === 'enable' });
      process.stdout.write(`账号 ${username} 已${sub === 'enable' ? '启用' : '停用'}\n`);
      return 0;
    }
    throw new CliError(USAGE);
  } finally { await rt.close(); }
}
