import type { NoticeContent } from '../../core/notices/types.js';
import { GB9704, issuerMarkSizePt, resolveLayout, signatureRightIndentEm, type NoticeFonts, type NoticeLayout } from './layout.js';

export interface NoticeHtmlOptions {
  /** Return only the `<article>` (for embedding next to `noticeCss()`); default false = a full printable page. */
  fragment?: boolean;
}

/** Font stacks: the 公文 font first, then the fonts a Windows/macOS/Linux browser has. */
function stacks(fonts: NoticeFonts): { title: string; body: string; pageNumber: string } {
  const q = (name: string) => `"${name.replace(/"/g, '')}"`;
  return {
    title: [q(fonts.title), '"方正小标宋_GBK"', '"FZXiaoBiaoSong-B05S"', '"SimSun"', '"Songti SC"', '"Noto Serif CJK SC"', 'serif'].join(', '),
    body: [q(fonts.body), '"仿宋"', '"FangSong"', '"STFangsong"', '"Noto Serif CJK SC"', 'serif'].join(', '),
    pageNumber: [q(fonts.pageNumber), '"SimSun"', '"Songti SC"', '"Noto Serif CJK SC"', 'serif'].join(', '),
  };
}

/**
 * The stylesheet of the printable notice (GB/T 9704-2012, see `layout.ts`): A4 with the 版心 margins through
 * CSS `@page`, 16 pt body on a 28.95 pt line (22 lines per page) condensed by 0.25 pt to 28 characters, 22 pt title, red 发文机关标志 and separator,
 * page numbers "— n —" outside (odd right, even left) where the browser supports page-margin boxes. On screen
 * the page is drawn as a sheet of paper.
 */
export function noticeCss(layout?: NoticeLayout): string {
  const opts = resolveLayout(layout);
  const f = stacks(opts.fonts);
  const line = `${GB9704.lineSpacingPt}pt`;
  const pageNumber = `content: "— " counter(page) " —"; font-family: ${f.pageNumber}; font-size: ${GB9704.pageNumberSizePt}pt; vertical-align: top; padding-top: ${GB9704.pageNumberGapMm}mm;`;
  return `
@page { size: A4; margin: ${GB9704.marginTopMm}mm ${GB9704.marginRightMm}mm ${GB9704.marginBottomMm}mm ${GB9704.marginLeftMm}mm; }
@page :right { @bottom-right { ${pageNumber} padding-right: 1em; } }
@page :left { @bottom-left { ${pageNumber} padding-left: 1em; } }
.gongwen { font-family: ${f.body}; font-size: ${GB9704.bodySizePt}pt; line-height: ${line}; color: #000; width: ${GB9704.textWidthMm}mm; box-sizing: content-box; letter-spacing: -0.25pt; }
.gongwen p { margin: 0; }
.gongwen .issuer-mark { font-family: ${f.title}; letter-spacing: 0; color: #${GB9704.red}; text-align: center; line-height: 1.2; margin: ${opts.issuerMarkTopMm}mm 0 0; }
.gongwen .doc-number { text-align: center; margin-top: calc(2 * ${line}); }
.gongwen .red-line { border: 0; border-top: 1pt solid #${GB9704.red}; margin: ${GB9704.separatorGapMm}mm 0 0; }
.gongwen .title { font-family: ${f.title}; letter-spacing: 0; font-size: ${GB9704.titleSizePt}pt; font-weight: normal; line-height: ${line}; text-align: center; margin: calc(2 * ${line}) 0 0; }
.gongwen .addressee { margin-top: ${line}; }
.gongwen .para { text-indent: 2em; text-align: justify; }
.gongwen .attachments { margin-top: ${line}; padding-left: 2em; }
.gongwen .attachments p + p { padding-left: 3em; }
.gongwen .signature { margin-top: calc(${opts.sealSpaceLines} * ${line}); text-align: right; page-break-inside: avoid; break-inside: avoid; }
.gongwen .note { text-indent: 2em; }
@media screen {
  body.notice-page { background: #e8e8e8; margin: 0; padding: 24px 0; }
  body.notice-page .gongwen { background: #fff; margin: 0 auto; min-height: ${GB9704.textHeightMm}mm;
    padding: ${GB9704.marginTopMm}mm ${GB9704.marginRightMm}mm ${GB9704.marginBottomMm}mm ${GB9704.marginLeftMm}mm; box-shadow: 0 1px 6px rgba(0,0,0,.3); }
}
@media print { body.notice-page { margin: 0; } }
`.trim();
}

/**
 * Renders a notice as printable A4 HTML with the same structure as the DOCX (发文机关标志, 文号 and red line,
 * title, 主送, paragraphs tagged with their kind, 附件, 署名 and 成文日期, 附注). All text is HTML-escaped.
 */
export function renderNoticeHtml(content: NoticeContent, layout?: NoticeLayout, options: NoticeHtmlOptions = {}): string {
  const opts = resolveLayout(layout);
  const parts: string[] = [];
  parts.push(`<article class="gongwen notice-${esc(content.type)}" data-tracking-code="${esc(content.meta.trackingCode)}">`);
  if (opts.showIssuerMark || content.docNumber) {
    parts.push('<header class="banner">');
    if (opts.showIssuerMark) {
      const mark = (opts.issuerMarkText ?? content.issuer).trim();
      parts.push(`<div class="issuer-mark" style="font-size: ${issuerMarkSizePt(mark)}pt">${esc(mark)}</div>`);
    }
    if (content.docNumber) parts.push(`<div class="doc-number">${esc(content.docNumber)}</div>`);
    if (opts.showIssuerMark) parts.push('<hr class="red-line">');
    parts.push('</header>');
  }
  parts.push(`<h1 class="title">${esc(content.title)}</h1>`);
  parts.push(`<p class="addressee">${esc(content.addressee)}</p>`);
  for (const p of content.paragraphs) parts.push(`<p class="para para-${p.kind}" data-kind="${p.kind}">${esc(p.text)}</p>`);
  if (content.attachments.length > 0) {
    parts.push('<div class="attachments">');
    content.attachments.forEach((name, i) => {
      const numbered = content.attachments.length > 1 ? `${i + 1}.${name}` : name;
      parts.push(`<p>${i === 0 ? '附件：' : ''}${esc(numbered)}</p>`);
    });
    parts.push('</div>');
  }
  const indent = signatureRightIndentEm(content.signature.agency, content.signature.dateChinese);
  parts.push('<div class="signature">');
  parts.push(`<p class="agency" style="padding-right: ${indent}em">${esc(content.signature.agency)}</p>`);
  parts.push(`<p class="date" style="padding-right: 4em"><time datetime="${esc(content.signature.date)}">${esc(content.signature.dateChinese)}</time></p>`);
  parts.push('</div>');
  if (content.note) parts.push(`<p class="note">（${esc(content.note)}）</p>`);
  parts.push('</article>');
  const article = parts.join('\n');
  if (options.fragment) return article;
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(content.title)}${content.docNumber ? `（${esc(content.docNumber)}）` : ''}</title>`,
    `<style>\n${noticeCss(layout)}\n</style>`,
    '</head>',
    '<body class="notice-page">',
    article,
    '</body>',
    '</html>',
  ].join('\n');
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
