/**
 * GB/T 9704-2012 《党政机关公文格式》 page metrics shared by the DOCX and HTML renderers.
 *
 * - 5.2.1 纸张 A4 (210 × 297 mm); 5.2.2 版心 156 × 225 mm; 天头 (top) 37 mm, 订口 (left) 28 mm, so bottom 35 mm
 *   and right 26 mm.
 * - 6.3 正文 3号仿宋 (16 pt), 22 lines × 28 characters per page → line pitch 225 mm / 22 = 28.95 pt.
 * - 7.2.3 发文机关标志: 红色小标宋, centred (size at the agency's discretion); 7.2.4 发文字号 centred two lines
 *   under it; 7.2.6 a red separator line of 版心 width 4 mm under the 发文字号.
 * - 7.3.1 标题 2号小标宋 (22 pt), two lines under the red line, centred; 7.3.2 主送机关 one line under the
 *   title, flush left, ending with a full-width colon; 7.3.3 正文 3号仿宋, each paragraph indented 2 characters.
 * - 7.3.4 附件说明 one line under the body, indented 2 characters ("附件：1.…").
 * - 7.3.5 成文日期 in Arabic numerals; 7.3.5.1 (sealed) date 4 characters from the right, 署名 centred over the
 *   date, seal within one line of the body; 7.3.6 附注 in brackets, indented 2 characters, under the date.
 * - 7.5 页码 4号 (14 pt) 半角宋体 Arabic numerals between 一字线 ("— 1 —"), 7 mm under the 版心, odd pages right
 *   (one character in), even pages left (one character in).
 */
export const GB9704 = {
  pageWidthMm: 210,
  pageHeightMm: 297,
  marginTopMm: 37,
  marginBottomMm: 35,
  marginLeftMm: 28,
  marginRightMm: 26,
  textWidthMm: 156,
  textHeightMm: 225,
  linesPerPage: 22,
  charsPerLine: 28,
  /** 225 mm / 22 lines = 28.96 pt; Word templates use 28.95 pt (579 twips). */
  lineSpacingPt: 28.95,
  bodySizePt: 16, // 3号
  titleSizePt: 22, // 2号
  pageNumberSizePt: 14, // 4号
  /** Distance from the bottom of the 版心 to the 一字线 of the page number (7.5). */
  pageNumberGapMm: 7,
  /** Distance from the 发文字号 to the red separator line (7.2.6). */
  separatorGapMm: 4,
  /** 7.2.3: top of the 发文机关标志 35 mm below the top of the 版心 (下行文/平行文 文件格式). */
  issuerMarkTopMm: 35,
  /** Largest 发文机关标志 size used (小初); long names shrink to fit one line of the 版心. */
  issuerMarkMaxPt: 36,
  red: 'FF0000',
} as const;

/** Font names as Word/WPS know them (the 方正/GB2312 fonts government PCs have); set on eastAsia and ascii. */
export interface NoticeFonts {
  /** 发文机关标志 and 标题: 小标宋. */
  title: string;
  /** 正文, 主送, 署名, 日期: 仿宋. */
  body: string;
  /** 页码: 宋体. */
  pageNumber: string;
}

export const DEFAULT_FONTS: NoticeFonts = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  pageNumber: '宋体',
};

/** Rendering options; every field has the GB/T 9704-2012 default. */
export interface NoticeLayout {
  /** Print the red 发文机关标志 and separator line (false when printing on pre-printed letterhead). Default true. */
  showIssuerMark?: boolean;
  /** Text of the 发文机关标志; default `content.issuer`. */
  issuerMarkText?: string;
  /** Space above the 发文机关标志 inside the 版心, in mm; default 35 (7.2.3). */
  issuerMarkTopMm?: number;
  /** Blank lines between the body and the 署名 for the seal; default 2 (seal top within one line of the body). */
  sealSpaceLines?: number;
  /** Font names, e.g. `{ body: '仿宋' }` on machines without the GB2312 fonts. */
  fonts?: Partial<NoticeFonts>;
}

/** `layout` with every missing option set to its GB/T 9704-2012 default. */
export function resolveLayout(layout: NoticeLayout = {}): Required<Omit<NoticeLayout, 'issuerMarkText' | 'fonts'>> & {
  issuerMarkText?: string;
  fonts: NoticeFonts;
} {
  return {
    showIssuerMark: layout.showIssuerMark ?? true,
    issuerMarkText: layout.issuerMarkText,
    issuerMarkTopMm: layout.issuerMarkTopMm ?? GB9704.issuerMarkTopMm,
    sealSpaceLines: layout.sealSpaceLines ?? 2,
    fonts: { ...DEFAULT_FONTS, ...layout.fonts },
  };
}

/** Millimetres to twentieths of a point (twips): 1 mm = 1440 / 25.4 twips. */
export function mmToTwip(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}

/** Points to twips. */
export function ptToTwip(pt: number): number {
  return Math.round(pt * 20);
}

/** Width of a text in ems of its font: CJK and full-width = 1, ASCII (digits, Latin, half-width) = 0.5. */
export function textWidthEm(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u0000-\u00ff]/.test(ch) ? 0.5 : 1;
  return w;
}

/** Size in pt of the 发文机关标志 so that it fits one line of the 版心 (at most 小初 36 pt, at least 3号 16 pt). */
export function issuerMarkSizePt(text: string): number {
  const widthPt = (GB9704.textWidthMm / 25.4) * 72;
  return Math.max(GB9704.bodySizePt, Math.min(GB9704.issuerMarkMaxPt, Math.floor(widthPt / Math.max(1, textWidthEm(text)))));
}

/**
 * Right indent (in ems of the body font) of the 署名 so that it is centred over the 成文日期, which itself stands
 * 4 characters from the right edge (GB/T 9704-2012 7.3.5.1). A 署名 wider than that space gets 0.
 */
export function signatureRightIndentEm(agency: string, date: string): number {
  return Math.max(0, 4 + (textWidthEm(date) - textWidthEm(agency)) / 2);
}
