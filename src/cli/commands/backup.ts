import { basename } from 'node:path';
import { openRuntime } from '../../runtime.js';
import { backupTo, restoreFrom } from '../../services/backup.js';
import { reanchorAfterRestore } from '../../services/audit.js';
import { CliError, type ParsedArgs } from '../args.js';

export async function backupCommand(args: ParsedArgs): Promise<number> {
  const file = args.positionals[0];
  if (!file) throw new CliError('用法：gongkai backup FILE（gzip 压缩的 JSON 行）');
  const rt = await openRuntime();
  try {
    const r = await backupTo(rt.handle.db, file);
    process.stdout.write(`已备份 ${r.tables} 张表、${r.rows} 行到 ${file}\n注意：个人信息以 SM4 密文备份；恢复时需使用同一密钥（数据目录中的 keys.hex 或 GONGKAI_KEY）。\n`);
    return 0;
  } finally { await rt.close(); }
}

export async function restoreCommand(args: ParsedArgs): Promise<number> {
  const file = args.positionals[0];
  if (!file) throw new CliError('用法：gongkai restore FILE');
  // No first-start accounts: the database must stay empty for the restore, and the accounts come from the backup.
  const rt = await openRuntime({}, { bootstrap: false });
  try {
    const r = await restoreFrom(rt.handle.db, file);
    // The restored chains are checked under this deployment's key and the outside anchor starts from their heads.
    await reanchorAfterRestore(rt.handle.db, basename(file));
    process.stdout.write(`已从 ${file} 恢复 ${r.rows} 行，审计链校验通过并已重新锚定。\n`);
    return 0;
  } finally { await rt.close(); }
}
