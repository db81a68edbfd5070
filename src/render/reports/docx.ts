/**
 * DOCX output of the annual report in 公文 typography (党政机关公文格式 GB/T 9704-2012): A4, margins top 37 mm,
 * bottom 35 mm, left 28 mm, right 26 mm; title 2号 (22 pt) 方正小标宋简体; body 3号 (16 pt) 仿宋_GB2312 at a fixed
 * 28 pt line pitch with a two-character first-line indent; level-1 headings 黑体, level-2 楷体; page numbers
 * "— n —" in the footer. The six parts of the narrative carry the official tables with merged header cells.
 */
import {
  AlignmentType, BorderStyle, Document, Footer, HighlightColor, LineRuleType, Packer, PageNumber, Paragraph, Table,
  TableCell, TableLayoutType, TableRow, TextRun, VerticalAlignTable, WidthType,
} from 'docx';
import type { Narrative, NarrativeParagraph, NarrativeTable } from '../../core/reports/narrative.js';
import type { AnnualReport } from '../../core/reports/types.js';
import { buildReportTables, isBold, type TableCell as ModelCell, type TableModel } from './table-model.js';

/** Font family names used in the document (Word substitutes a missing font by its own rules). */
export interface DocxFonts {
  title: string;
  body: string;
  heading1: string;
  heading2: string;
  table: string;
}

/** The fonts GB/T 9704 names (installed on most government machines). */
export const OFFICIAL_DOCX_FONTS: DocxFonts = { title: '方正小标宋简体', body: '仿宋_GB2312', heading1: '黑体', heading2: '楷体_GB2312', table: '宋体' };
/** Fallback set for machines without the 方正/GB2312 fonts (the names shipped with Windows). */
export const COMMON_DOCX_FONTS: DocxFonts = { title: '宋体', body: '仿宋', heading1: '黑体', heading2: '楷体', table: '宋体' };

export interface RenderDocxOptions {
  fonts?: Partial<DocxFonts>;
}

/** Millimetres → twips (1 mm = 56.692 twips). */
const mm = (x: number): number => Math.round((x * 1440) / 25.4);
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
/** Sizes in half-points. */
const SIZE = { title: 44, body: 32, appendixTitle: 36, table: 21, smallTable: 18, footer: 28 };
const LINE = { line: 560, lineRule: LineRuleType.EXACT };
const INDENT_2CH = 640;

const font = (eastAsia: string) => ({ ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia, cs: 'Times New Roman' });

function bodyParagraph(p: NarrativeParagraph, fonts: DocxFonts): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: LINE,
    indent: { firstLine: INDENT_2CH },
    children: [new TextRun({
      text: p.text, font: font(fonts.body), size: SIZE.body,
      ...(p.source === 'placeholder' ? { highlight: HighlightColor.YELLOW } : {}),
    })],
  });
}

function heading1(text: string, fonts: DocxFonts): Paragraph {
  return new Paragraph({ spacing: LINE, indent: { firstLine: INDENT_2CH }, keepNext: true, children: [new TextRun({ text, font: font(fonts.heading1), size: SIZE.body })] });
}

function centred(text: string, eastAsia: string, size: number, extra: { before?: number; after?: number } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { ...LINE, line: Math.max(LINE.line, size * 10 + 80), before: extra.before ?? 0, after: extra.after ?? 0 },
    keepNext: true,
    children: [new TextRun({ text, font: font(eastAsia), size })],
  });
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function tableOf(model: TableModel, fonts: DocxFonts): Table {
  const total = model.columnWidths.reduce((a, b) => a + b, 0);
  const widths = model.columnWidths.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  const size = model.columnWidths.length > 8 ? SIZE.smallTable : SIZE.table;
  const cell = (c: ModelCell): TableCell => new TableCell({
    columnSpan: c.colSpan,
    rowSpan: c.rowSpan,
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 60, right: 60, top: 20, bottom: 20 },
    children: [new Paragraph({
      alignment: c.align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER,
      indent: c.indent ? { left: c.indent * size * 10 } : undefined,
      spacing: { line: 240, lineRule: LineRuleType.AUTO },
      children: [new TextRun({ text: c.text, font: font(fonts.table), size, bold: isBold(c) })],
    })],
  });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
    rows: model.rows.map((cells, i) => new TableRow({ tableHeader: i < model.headerRows, cantSplit: true, children: cells.map(cell) })),
  });
}

/**
 * The full annual report as DOCX (条例 Art.50 content; 国办公开办函〔2021〕30号 / 〔2019〕60号 part order, or the
 * seed report's layout with the 统计表 as 附表 for gov-2014). Placeholders for text still to be written are
 * highlighted in yellow.
 */
export async function renderReportDocx(report: AnnualReport, narrative: Narrative, options: RenderDocxOptions = {}): Promise<Buffer> {
  const fonts: DocxFonts = { ...OFFICIAL_DOCX_FONTS, ...options.fonts };
  const models = new Map(buildReportTables(report).map((m) => [m.key, m] as const));
  const tables = (keys: NarrativeTable[]) => keys.flatMap((k) => {
    const m = models.get(k);
    return m ? [tableOf(m, fonts), new Paragraph({ spacing: { before: 120 }, children: [] })] : [];
  });

  const children: (Paragraph | Table)[] = [
    centred(narrative.title, fonts.title, SIZE.title, { after: 560 }),
  ];
  for (const part of narrative.parts) {
    children.push(heading1(part.heading, fonts), ...part.paragraphs.map((p) => bodyParagraph(p, fonts)), ...tables(part.tables));
  }
  if (narrative.appendix) {
    children.push(new Paragraph({ pageBreakBefore: true, spacing: LINE, children: [new TextRun({ text: narrative.appendix.heading, font: font(fonts.heading1), size: SIZE.body })] }));
    for (const key of narrative.appendix.tables) {
      const m = models.get(key);
      if (!m) continue;
      const [title, ...rest] = m.caption;
      children.push(centred(title, fonts.title, SIZE.appendixTitle, { before: 200 }));
      for (const line of rest) {
        children.push(line.startsWith('填报单位')
          ? new Paragraph({ spacing: { line: 400, lineRule: LineRuleType.EXACT }, keepNext: true, children: [new TextRun({ text: line, font: font(fonts.body), size: SIZE.table + 3 })] })
          : centred(line, fonts.heading2, SIZE.table + 3));
      }
      children.push(tableOf(m, fonts));
    }
  }

  const doc = new Document({
    creator: 'Gongkai',
    title: narrative.title,
    styles: { default: { document: { run: { font: font(fonts.body), size: SIZE.body } } } },
    sections: [{
      properties: {
        page: {
          size: PAGE,
          margin: { ...MARGIN, header: mm(15), footer: mm(25) },
        },
      },
      footers: {
        default: new Footer({
          children: [new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font('宋体'), size: SIZE.footer })],
          })],
        }),
      },
      children,
    }],
  });
  return Packer.toBuffer(doc);
}
