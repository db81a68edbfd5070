import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { openRuntime } from '../../runtime.js';
import { importPublications, type ImportProgress } from '../../services/publications/import-publications.js';
import { CliError, type ParsedArgs } from '../args.js';

/** A progress bar on stderr: redrawn in place on a terminal, a line per 10 % otherwise (logs, CI). */
export function progressPrinter(out: NodeJS.WriteStream = process.stderr): (p: ImportProgress) => void {
  let lastDecile = -1;
  let lastDraw = 0;
  return (p) => {
    const now = Date.now();
    if (p.phase === 'validate') {
      if (p.total !== null) { if (out.isTTY) out.write('\r\x1b[K'); out.write(`校验完成：共 ${p.total.toLocaleString('zh-CN')} 行\n`); return; }
      if (out.isTTY && now - lastDraw > 100) { out.write(`\r\x1b[K校验中：已读 ${p.processed.toLocaleString('zh-CN')} 行`); lastDraw = now; }
      return;
    }
    const total = p.total || 1;
    const pct = Math.floor((p.processed / total) * 100);
    if (out.isTTY) {
      if (now - lastDraw < 100 && p.processed < total) return;
      lastDraw = now;
      const width = 30;
      const filled = Math.round((p.processed / total) * width);
      out.write(`\r\x1b[K导入中 [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(pct).padStart(3)}%  ${p.processed.toLocaleString('zh-CN')}/${total.toLocaleString('zh-CN')}${p.processed >= total ? '\n' : ''}`);
    } else {
      const decile = Math.floor(pct / 10);
      if (decile !== lastDecile) { lastDecile = decile; out.write(`导入中 ${pct}%（${p.processed}/${total}）\n`); }
    }
  };
}

/**
 * gongkai import publications FILE — migrates an existing portal's 主动公开 items (.csv UTF-8/GBK, .xlsx, .json,
 * .jsonl). A file with any error is rejected whole: every error is printed as 文件、行、列、值、原因 and nothing is written.
 */
export async function importPublicationsCommand(args: ParsedArgs): Promise<number> {
  const file = args.positionals[1];
  if (!file) throw new CliError('用法：gongkai import publications FILE（.csv UTF-8/GBK | .xlsx | .json）\n表头：索引号, 标题, 文号, 发布机构, 成文日期, 发布日期, 公开目录, 主题分类, 正文（索引号、标题、发布日期必填）');
  const path = resolve(file);
  if (!existsSync(path)) throw new CliError(`找不到文件 ${file}`);
  const rt = await openRuntime();
  try {
    const r = await importPublications(rt.systemContext(), path, { onProgress: progressPrinter(), filename: file });
    if (!r.ok) {
      process.stderr.write(`${r.message}\n`);
      for (const e of r.errors) process.stderr.write(`${file} 第 ${e.row} 行${e.column ? `「${e.column}」列` : ''}${e.value ? `，值“${e.value}”` : ''}：${e.message}\n`);
      return 1;
    }
    process.stdout.write(`${r.message}\n`);
    return 0;
  } finally {
    await rt.close();
  }
}
