import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { openRuntime } from '../../runtime.js';
import { formatLedgerError, type ImportProgress, type ImportResult } from '../../services/imports/common.js';
import { importCaseLedger } from '../../services/imports/import-cases.js';
import { importRequestLedger } from '../../services/imports/import-requests.js';
import { importAnnualFacts } from '../../services/imports/import-facts.js';
import { CliError, type ParsedArgs } from '../args.js';

const USAGE: Record<'requests' | 'cases' | 'facts', string> = {
  requests: '用法：gongkai import requests FILE（.csv UTF-8/GBK | .xlsx | .json）\n表头：受理编号, 收到日期, 申请方式, 申请人类型, 申请人, 申请内容（必填）, 承办单位, 补正告知日期, 补正收到日期, 延期, 答复日期, 办理结果, 收费金额',
  cases: '用法：gongkai import cases FILE（.csv UTF-8/GBK | .xlsx | .json）\n表头：案件编号, 案件类型, 起诉类型, 关联受理编号, 收到日期, 结案日期, 结果',
  facts: '用法：gongkai import facts FILE（.csv | .xlsx：表头 年度, 填报项, 数值；.json：{"year": 2024, "facts": {"staff": 3}}）',
};

/** Progress on stderr, only on a terminal (scripts read stdout/stderr and want no bars). */
function progressPrinter(out: NodeJS.WriteStream = process.stderr): (p: ImportProgress) => void {
  if (!out.isTTY) return () => {};
  let last = 0;
  return (p) => {
    const now = Date.now();
    if (now - last < 100 && p.phase !== 'done') return;
    last = now;
    if (p.phase === 'validating') out.write(`\r\x1b[K校验中：已读 ${p.processed.toLocaleString('zh-CN')} 行`);
    else if (p.phase === 'writing') {
      const pct = p.total ? Math.floor((p.processed / p.total) * 100) : 0;
      out.write(`\r\x1b[K写入中：${p.processed.toLocaleString('zh-CN')}/${(p.total ?? 0).toLocaleString('zh-CN')}（${pct}%）`);
    } else out.write('\r\x1b[K');
  };
}

/** Prints the result: a summary on stdout, or every error on stderr (文件 FILE 第R行「列」值"V"：消息). Exit code. */
export function printImportResult(r: ImportResult, file: string): number {
  if (!r.ok) {
    for (const e of r.errors) process.stderr.write(`${formatLedgerError(file, e)}\n`);
    const more = r.errorCount > r.errors.length ? `（仅列出前 ${r.errors.length} 处）` : '';
    process.stderr.write(`文件 ${file} 有 ${r.errorCount} 处错误${more}，未导入任何数据。请修改后重新导入。\n`);
    return 1;
  }
  if (r.kind === 'facts') {
    process.stdout.write(`已导入 ${file}：共 ${r.total} 项年度填报数据（新增年度 ${r.inserted} 个，更新年度 ${r.updated} 个）。\n`);
    return 0;
  }
  const what = r.kind === 'requests' ? '申请' : '案件';
  process.stdout.write(`已导入 ${file}：共 ${r.total} 行，新增${what} ${r.inserted} 件，更新 ${r.updated} 件。\n`);
  if (r.departmentsCreated.length) process.stdout.write(`新建承办单位：${r.departmentsCreated.join('、')}\n`);
  for (const w of r.warnings) process.stdout.write(`提示：${w}\n`);
  return 0;
}

async function runImport(kind: 'requests' | 'cases' | 'facts', args: ParsedArgs): Promise<number> {
  const file = args.positionals[1];
  if (!file) throw new CliError(USAGE[kind]);
  const path = resolve(file);
  if (!existsSync(path)) throw new CliError(`找不到文件 ${file}`);
  const rt = await openRuntime();
  try {
    const importer = kind === 'requests' ? importRequestLedger : kind === 'cases' ? importCaseLedger : importAnnualFacts;
    const r = await importer(rt.systemContext(), path, { filename: file, onProgress: progressPrinter() });
    return printImportResult(r, file);
  } finally {
    await rt.close();
  }
}

/** gongkai import requests FILE — the request ledger (DESIGN.md "Ledger import format"). */
export const importRequestsCommand = (args: ParsedArgs) => runImport('requests', args);
/** gongkai import cases FILE — the 行政复议/行政诉讼 ledger (DESIGN.md "Cases ledger"). */
export const importCasesCommand = (args: ParsedArgs) => runImport('cases', args);
/** gongkai import facts FILE — annual facts (年度填报数据) per year. */
export const importFactsCommand = (args: ParsedArgs) => runImport('facts', args);
