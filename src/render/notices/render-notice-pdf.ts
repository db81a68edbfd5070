import type { NoticeContent } from '../../core/notices/index.js';
import type { NoticeLayout } from './layout.js';

/**
 * A notice as PDF (GB/T 9704 layout, CJK fonts embedded and subset, text extractable).
 * PLACEHOLDER for the parallel work of issue 13: the pdf branch replaces this body; until then it refuses.
 */
export async function renderNoticePdf(content: NoticeContent, layout?: NoticeLayout): Promise<Buffer> {
  void content; void layout;
  throw new Error('PDF 输出尚未接入（issue 13 pdf 分支）');
}
