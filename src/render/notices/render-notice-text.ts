import type { NoticeContent } from '../../core/notices/types.js';

/**
 * Plain-text form of a notice, for e-mail and online delivery and for the text stored with the request: the same
 * blocks in the same order as the DOCX, paragraphs indented with two full-width spaces, the 署名 and 成文日期 at
 * the end. Lines end with `\n`.
 */
export function renderNoticeText(content: NoticeContent): string {
  const lines: string[] = [content.issuer, ''];
  if (content.docNumber) lines.push(content.docNumber, '');
  lines.push(content.title, '', content.addressee);
  for (const p of content.paragraphs) lines.push(`\u3000\u3000${p.text}`);
  if (content.attachments.length > 0) {
    lines.push('');
    content.attachments.forEach((name, i) => {
      const numbered = content.attachments.length > 1 ? `${i + 1}.${name}` : name;
      lines.push(`\u3000\u3000${i === 0 ? '附件：' : '\u3000\u3000\u3000'}${numbered}`);
    });
  }
  lines.push('', content.signature.agency, content.signature.dateChinese);
  if (content.note) lines.push(`\u3000\u3000（${content.note}）`);
  return `${lines.join('\n')}\n`;
}
