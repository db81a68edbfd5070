import { cleanFileName } from '../validators/text.js';

/**
 * Attachment type check by content (magic bytes), not by name. Attachments of proactively disclosed items are
 * published as they are (条例 Art.23: 政府网站等便于公众知晓的方式), so what the portal serves must be what the
 * secrecy reviewer saw (Art.17): an executable renamed to `.pdf` is refused, and the stored Content-Type always comes
 * from the bytes. ZIP-based formats are told apart by their entries (DOCX `word/`, XLSX `xl/`, OFD `OFD.xml`);
 * legacy OLE files by their stream names (`WordDocument`, `Workbook`).
 */
export const ATTACHMENT_KINDS = ['pdf', 'docx', 'xlsx', 'pptx', 'ofd', 'doc', 'xls', 'png', 'jpeg', 'gif', 'webp'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export const ATTACHMENT_TYPES: Record<AttachmentKind, { contentType: string; extensions: readonly string[]; label: string }> = {
  pdf: { contentType: 'application/pdf', extensions: ['pdf'], label: 'PDF 文档' },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'], label: 'Word 文档（.docx）' },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'], label: 'Excel 表格（.xlsx）' },
  pptx: { contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extensions: ['pptx'], label: 'PowerPoint 演示文稿（.pptx）' },
  ofd: { contentType: 'application/ofd', extensions: ['ofd'], label: 'OFD 版式文档' },
  doc: { contentType: 'application/msword', extensions: ['doc'], label: 'Word 97-2003 文档（.doc）' },
  xls: { contentType: 'application/vnd.ms-excel', extensions: ['xls'], label: 'Excel 97-2003 表格（.xls）' },
  png: { contentType: 'image/png', extensions: ['png'], label: 'PNG 图片' },
  jpeg: { contentType: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: 'JPEG 图片' },
  gif: { contentType: 'image/gif', extensions: ['gif'], label: 'GIF 图片' },
  webp: { contentType: 'image/webp', extensions: ['webp'], label: 'WebP 图片' },
};

/** Default upper bound of one attachment, bytes. */
export const DEFAULT_MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => b.length >= at + sig.length && sig.every((v, i) => b[at + i] === v);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const utf16le = (s: string) => [...s].flatMap((c) => [c.charCodeAt(0), 0]);

function indexOfBytes(hay: Uint8Array, needle: readonly number[], from = 0): number {
  outer: for (let i = from; i <= hay.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** Entry names of a ZIP archive, from its central directory; null when the directory cannot be found. */
export function zipEntryNames(b: Uint8Array): string[] | null {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const minStart = Math.max(0, b.length - 65_557);
  let eocd = -1;
  for (let i = b.length - 22; i >= minStart; i--) {
    if (view.getUint32(i, true) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const names: string[] = [];
  const dec = new TextDecoder('utf-8');
  for (let n = 0; n < count; n++) {
    if (p + 46 > b.length || view.getUint32(p, true) !== 0x02014b50) return names.length ? names : null;
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    names.push(dec.decode(b.subarray(p + 46, p + 46 + nameLen)));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

/** The kind of file the bytes are, or null when it is none of the accepted kinds. */
export function sniffKind(b: Uint8Array): AttachmentKind | null {
  if (startsWith(b, ascii('%PDF-'))) return 'pdf';
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a'))) return 'gif';
  if (startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) {
    const names = zipEntryNames(b);
    const has = (pred: (n: string) => boolean) => (names ? names.some(pred) : false);
    if (names) {
      if (has((n) => n === 'word/document.xml' || n.startsWith('word/'))) return 'docx';
      if (has((n) => n === 'xl/workbook.xml' || n.startsWith('xl/'))) return 'xlsx';
      if (has((n) => n.startsWith('ppt/'))) return 'pptx';
      if (has((n) => n === 'OFD.xml')) return 'ofd';
      return null;
    }
    // No central directory (truncated upload?): look at local header names.
    if (indexOfBytes(b, ascii('word/')) >= 0) return 'docx';
    if (indexOfBytes(b, ascii('xl/')) >= 0) return 'xlsx';
    return null;
  }
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    if (indexOfBytes(b, utf16le('WordDocument'), 512) >= 0) return 'doc';
    if (indexOfBytes(b, utf16le('Workbook'), 512) >= 0 || indexOfBytes(b, utf16le('Book'), 512) >= 0) return 'xls';
    return null;
  }
  return null;
}

export type SniffResult =
  | { ok: true; kind: AttachmentKind; contentType: string; filename: string }
  | { ok: false; message: string };

function extensionOf(filename: string): string | null {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(filename.trim());
  return m ? m[1].toLowerCase() : null;
}

/**
 * Checks an uploaded attachment (see module comment): non-empty, at most `maxBytes`, of an accepted kind by its
 * bytes, and named with an extension that matches the content. A name without extension gets the right one
 * appended. The returned `contentType` is the one to store and serve.
 */
export function checkAttachment(bytes: Uint8Array, filename: string, maxBytes = DEFAULT_MAX_ATTACHMENT_BYTES): SniffResult {
  const name = cleanFileName(filename, '附件');
  if (bytes.length === 0) return { ok: false, message: `附件“${name}”是空文件，请重新选择` };
  if (bytes.length > maxBytes) return { ok: false, message: `附件“${name}”大小为 ${(bytes.length / 1048576).toFixed(1)} MB，超过上限 ${(maxBytes / 1048576).toFixed(0)} MB，请压缩或拆分后上传` };
  const kind = sniffKind(bytes);
  const accepted = 'PDF、OFD、Word（.docx/.doc）、Excel（.xlsx/.xls）、PowerPoint（.pptx）或图片（PNG/JPEG/GIF/WebP）';
  if (!kind) return { ok: false, message: `附件“${name}”的内容不是可接受的文件类型（按文件内容识别，而非文件名）。请上传 ${accepted}` };
  const t = ATTACHMENT_TYPES[kind];
  const ext = extensionOf(name);
  if (ext === null) return { ok: true, kind, contentType: t.contentType, filename: `${name}.${t.extensions[0]}` };
  if (!t.extensions.includes(ext)) {
    return { ok: false, message: `附件“${name}”的后缀是 .${ext}，但文件内容是${t.label}。请核对文件，或把文件名改为 .${t.extensions[0]} 后缀后重新上传` };
  }
  return { ok: true, kind, contentType: t.contentType, filename: name };
}
