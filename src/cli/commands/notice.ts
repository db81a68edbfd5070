import { writeFile } from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import { requests } from '../../db/schema/index.js';
import { openRuntime } from '../../runtime.js';
import { isNoticeType, NOTICE_TYPE_LABELS, type NoticeContent } from '../../core/notices/index.js';
import { renderNoticeDocx, renderNoticeHtml } from '../../render/notices/index.js';
import { findFinalNotice } from '../../services/notices/notices.js';
import { buildNoticeInput, composeNotice, loadRequestForNotice, noticeFits } from '../../services/notices/notice-input.js';
import { CliError, flagString, type ParsedArgs } from '../args.js';

/**
 * gongkai notice REF --type TYPE --out FILE.docx|.html — the stored notice when it was issued (what was sent), else
 * the notice as the request stands now (marked 未编号); a type that does not fit the request is refused.
 */
export async function noticeCommand(args: ParsedArgs): Promise<number> {
  const ref = args.positionals[0];
  const type = flagString(args.flags, 'type');
  const out = flagString(args.flags, 'out');
  const types = Object.entries(NOTICE_TYPE_LABELS).map(([k, v]) => `${k}（${v}）`).join('、');
  if (!ref || !type || !out) throw new CliError(`用法：gongkai notice 受理编号 --type 类型 --out 文件.docx|.html\n类型：${types}`);
  if (!isNoticeType(type)) throw new CliError(`文书类型 "${type}" 无效，应为：${types}`);
  if (!/\.(docx|html)$/i.test(out)) throw new CliError(`--out 须以 .docx 或 .html 结尾，收到 "${out}"`);
  const rt = await openRuntime();
  try {
    const db = rt.handle.db;
    const [row] = await db.select({ id: requests.id }).from(requests).where(eq(requests.ref, ref));
    if (!row) throw new CliError(`没有受理编号为 "${ref}" 的申请`);
    let content: NoticeContent;
    let html: string | null = null;
    const stored = await findFinalNotice(db, row.id, type);
    if (stored) { content = stored.content; html = stored.html; }
    else {
      const req = await loadRequestForNotice(db, row.id);
      const misfit = noticeFits(type, req.view);
      if (misfit) throw new CliError(`${ref}：${misfit}`);
      content = composeNotice(type, await buildNoticeInput(db, req, type, rt.systemContext().today, null));
      process.stderr.write('提示：该文书尚未出具，以下按当前办理情况生成（未编号，仅供预览）。\n');
    }
    if (/\.docx$/i.test(out)) await writeFile(out, await renderNoticeDocx(content));
    else await writeFile(out, html ?? renderNoticeHtml(content));
    process.stdout.write(`已生成 ${NOTICE_TYPE_LABELS[type]}${content.docNumber ? `（${content.docNumber}）` : ''}：${out}\n`);
    return 0;
  } finally { await rt.close(); }
}
