import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type IParagraphOptions,
  type IRunOptions,
} from 'docx';
import type { NoticeContent } from '../../core/notices/types.js';
import {
  GB9704,
  issuerMarkSizePt,
  mmToTwip,
  ptToTwip,
  resolveLayout,
  signatureRightIndentEm,
  type NoticeLayout,
} from './layout.js';

const LINE = ptToTwip(GB9704.lineSpacingPt); // 579 twips = 28.95 pt, 22 lines in the 225 mm 版心
const BODY_EM = ptToTwip(GB9704.bodySizePt); // one 3号 character = 320 twips
/**
 * 28 characters per line (GB/T 9704-2012 6.3): a 3号 character is 16 pt and the 版心 442.2 pt wide, so each character
 * is condensed by 0.25 pt (in twips: −5), giving 28.07 → 28 characters. This is done on the runs rather than with a
 * `linesAndChars` document grid, because LibreOffice lays a character grid out differently from Word (about 18
 * characters per line), while run spacing renders the same in Word, WPS and LibreOffice.
 */
const BODY_CHAR_SPACING = -5;

/**
 * Renders a notice as a DOCX in GB/T 9704-2012 公文 layout (see `layout.ts` for the clauses): A4, 版心 156 × 225 mm
 * (margins 37/35/28/26 mm), red 发文机关标志 in 小标宋 with the 发文字号 and a red separator line, title 2号
 * 小标宋, addressee and body 3号仿宋 with a 2-character first-line indent on a 22-line grid (fixed 28.95 pt),
 * 署名 centred over the date 4 characters from the right with room for the seal, 附注, and page numbers
 * "— 1 —" in 4号宋体 outside (odd right, even left). Fonts are set on eastAsia (and ascii/hAnsi) so Word and WPS
 * pick them. Pure: the same content gives the same document text.
 */
export async function renderNoticeDocx(content: NoticeContent, layout?: NoticeLayout): Promise<Buffer> {
  const opts = resolveLayout(layout);
  const bodyFont = fontOf(opts.fonts.body);
  const titleFont = fontOf(opts.fonts.title);
  const children: Paragraph[] = [];

  const run = (text: string, extra: Partial<IRunOptions> = {}) =>
    new TextRun({ text, font: bodyFont, size: GB9704.bodySizePt * 2, characterSpacing: BODY_CHAR_SPACING, ...extra });
  const para = (options: IParagraphOptions) => new Paragraph({ spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, ...options });
  const redLine = { bottom: { style: BorderStyle.SINGLE, size: 8, color: GB9704.red, space: Math.round((GB9704.separatorGapMm / 25.4) * 72) } };

  // 版头: 发文机关标志, 发文字号, red separator line (7.2.3, 7.2.4, 7.2.6)
  if (opts.showIssuerMark) {
    const mark = (opts.issuerMarkText ?? content.issuer).trim();
    const size = issuerMarkSizePt(mark);
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: mmToTwip(opts.issuerMarkTopMm), after: 0, line: ptToTwip(size * 1.2), lineRule: LineRuleType.EXACT },
        border: content.docNumber ? undefined : redLine,
        children: [new TextRun({ text: mark, font: titleFont, size: size * 2, color: GB9704.red })],
      }),
    );
  }
  if (content.docNumber) {
    children.push(
      para({
        alignment: AlignmentType.CENTER,
        spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: opts.showIssuerMark ? 2 * LINE : 0, after: 0 },
        border: opts.showIssuerMark ? redLine : undefined,
        children: [run(content.docNumber)],
      }),
    );
  }

  // 标题: two lines under the red line, 2号小标宋, centred (7.3.1)
  children.push(
    para({
      alignment: AlignmentType.CENTER,
      spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 2 * LINE, after: 0 },
      children: [new TextRun({ text: content.title, font: titleFont, size: GB9704.titleSizePt * 2 })],
    }),
  );

  // 主送: one line under the title, flush left (7.3.2)
  children.push(para({ spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: LINE, after: 0 }, children: [run(content.addressee)] }));

  // 正文: 2-character first-line indent, justified (7.3.3). The closing paragraph is kept on the page of the 署名
  // so that the signature never stands alone on a page (7.3.5.4 asks to adjust spacing rather than separate them).
  content.paragraphs.forEach((p, i) => {
    const isLast = i === content.paragraphs.length - 1;
    children.push(
      para({
        alignment: AlignmentType.JUSTIFIED,
        indent: { firstLine: 2 * BODY_EM, firstLineChars: 200 },
        keepNext: isLast,
        keepLines: isLast,
        children: [run(p.text)],
      }),
    );
  });

  // 附件说明: one line under the body, "附件：1.…", later names aligned with the first (7.3.4)
  content.attachments.forEach((name, i) => {
    const numbered = content.attachments.length > 1 ? `${i + 1}.${name}` : name;
    children.push(
      para({
        spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: i === 0 ? LINE : 0, after: 0 },
        indent: i === 0 ? { left: 2 * BODY_EM } : { left: 5 * BODY_EM },
        keepNext: true,
        children: [run(i === 0 ? `附件：${numbered}` : numbered)],
      }),
    );
  });

  // 署名 and 成文日期 with room for the seal (7.3.5.1)
  for (let i = 0; i < opts.sealSpaceLines; i++) children.push(para({ keepNext: true, children: [run('')] }));
  const dateIndent = 4 * BODY_EM;
  const agencyIndent = Math.round(signatureRightIndentEm(content.signature.agency, content.signature.dateChinese) * BODY_EM);
  children.push(para({ alignment: AlignmentType.RIGHT, indent: { right: agencyIndent }, keepNext: true, children: [run(content.signature.agency)] }));
  children.push(para({ alignment: AlignmentType.RIGHT, indent: { right: dateIndent }, children: [run(content.signature.dateChinese)] }));

  // 附注: under the date, in brackets, indented 2 characters (7.3.6)
  if (content.note) {
    children.push(para({ indent: { firstLine: 2 * BODY_EM, firstLineChars: 200 }, children: [run(`（${content.note}）`)] }));
  }

  const doc = new Document({
    title: content.title,
    subject: content.meta.trackingCode,
    creator: content.issuer,
    description: content.docNumber ?? content.title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: bodyFont, size: GB9704.bodySizePt * 2 },
          paragraph: { spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: mmToTwip(GB9704.pageWidthMm), height: mmToTwip(GB9704.pageHeightMm) },
            margin: {
              top: mmToTwip(GB9704.marginTopMm),
              bottom: mmToTwip(GB9704.marginBottomMm),
              left: mmToTwip(GB9704.marginLeftMm),
              right: mmToTwip(GB9704.marginRightMm),
              header: mmToTwip(15),
              // the page-number line (14 pt) ends so that its 一字线 stands 7 mm under the 版心 (7.5)
              footer: mmToTwip(GB9704.marginBottomMm - GB9704.pageNumberGapMm) - ptToTwip(GB9704.pageNumberSizePt),
            },
          },
          grid: { type: DocumentGridType.LINES, linePitch: LINE },
        },
        footers: { default: pageNumberFooter('odd', opts.fonts.pageNumber), even: pageNumberFooter('even', opts.fonts.pageNumber) },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

function fontOf(name: string) {
  return { ascii: name, eastAsia: name, hAnsi: name, cs: name, hint: 'eastAsia' };
}

/** "— 1 —" in 4号半角宋体, odd pages right and even pages left, one character in from the edge (7.5). */
function pageNumberFooter(side: 'odd' | 'even', fontName: string): Footer {
  const size = GB9704.pageNumberSizePt * 2;
  const em = ptToTwip(GB9704.pageNumberSizePt);
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: em } : { left: em },
        spacing: { line: em, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: fontOf(fontName), size })],
      }),
    ],
  });
}

