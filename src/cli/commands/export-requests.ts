import { resolve } from 'node:path';
import { openRuntime } from '../../runtime.js';
import { exportFormatOf, exportRequestLedger } from '../../services/imports/export-requests.js';
import { CliError, type ParsedArgs } from '../args.js';

/**
 * gongkai export requests FILE — the request ledger with the import headers (.csv UTF-8 with BOM | .xlsx | .json),
 * so that `gongkai import requests FILE` reads it back unchanged.
 */
export async function exportCommand(args: ParsedArgs): Promise<number> {
  const [what, file] = args.positionals;
  if (what !== 'requests' || !file) throw new CliError('用法：gongkai export requests FILE（.csv | .xlsx | .json）');
  const format = exportFormatOf(file);
  if (!format) throw new CliError(`导出文件名应以 .csv、.xlsx 或 .json 结尾，收到 "${file}"`);
  const rt = await openRuntime();
  try {
    const n = await exportRequestLedger(rt.systemContext(), resolve(file), format);
    process.stdout.write(`已导出 ${n} 件申请到 ${file}\n`);
    return 0;
  } finally {
    await rt.close();
  }
}
