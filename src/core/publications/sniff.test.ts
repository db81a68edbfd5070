import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { Document, Packer, Paragraph } from 'docx';
import { checkAttachment, sniffKind, zipEntryNames } from './sniff.js';

/** A minimal stored (uncompressed) ZIP with the given entries, written by hand (local headers + central directory). */
function zip(entries: Record<string, string>): Uint8Array {
  const enc = new TextEncoder();
  const locals: number[] = [];
  const central: number[] = [];
  const u16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
  const u32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];
  for (const [name, text] of Object.entries(entries)) {
    const nameBytes = [...enc.encode(name)];
    const data = [...enc.encode(text)];
    const offset = locals.length;
    locals.push(...u32(0x04034b50), ...u16(20), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(data.length), ...u32(data.length), ...u16(nameBytes.length), ...u16(0), ...nameBytes, ...data);
    central.push(...u32(0x02014b50), ...u16(20), ...u16(20), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(data.length), ...u32(data.length), ...u16(nameBytes.length), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(offset), ...nameBytes);
  }
  const count = Object.keys(entries).length;
  const eocd = [...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(count), ...u16(count), ...u32(central.length), ...u32(locals.length), ...u16(0)];
  return new Uint8Array([...locals, ...central, ...eocd]);
}

const bytes = (...parts: (number[] | string)[]) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));

async function realDocx(): Promise<Uint8Array> {
  const doc = new Document({ sections: [{ children: [new Paragraph('关于做好2024年耕地保护工作的通知')] }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}
async function realXlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('公开目录').addRow(['索引号', '标题']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('sniffKind: by content, not by name', () => {
  const oleHeader = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  const pad = new Array(600).fill(0);
  const utf16 = (s: string) => [...s].flatMap((c) => [c.charCodeAt(0), 0]);
  const cases: [string, Uint8Array, string | null][] = [
    ['PDF', bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'pdf'],
    ['PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'png'],
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16]), 'jpeg'],
    ['GIF', bytes('GIF89a', [1, 0, 1, 0]), 'gif'],
    ['WebP', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '), 'webp'],
    ['OFD', zip({ 'OFD.xml': '<ofd:OFD/>', 'Doc_0/Document.xml': '<x/>' }), 'ofd'],
    ['plain ZIP', zip({ 'readme.txt': 'hello' }), null],
    ['legacy Word', bytes(oleHeader, pad, utf16('WordDocument')), 'doc'],
    ['legacy Excel', bytes(oleHeader, pad, utf16('Workbook')), 'xls'],
    ['Windows executable', bytes('MZ', [0x90, 0, 3, 0]), null],
    ['HTML', bytes('<!doctype html><script>alert(1)</script>'), null],
    ['plain text', bytes('索引号,标题'), null],
  ];
  for (const [name, b, kind] of cases) it(`${name} → ${kind}`, () => expect(sniffKind(b)).toBe(kind));

  it('a DOCX written by the docx package', async () => {
    const b = await realDocx();
    expect(zipEntryNames(b)).toContain('word/document.xml');
    expect(sniffKind(b)).toBe('docx');
  });
  it('an XLSX written by exceljs', async () => expect(sniffKind(await realXlsx())).toBe('xlsx'));
});

describe('checkAttachment', () => {
  const pdf = bytes('%PDF-1.4\n');
  const png = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);
  it('accepts a PDF named .pdf', () => expect(checkAttachment(pdf, '附件1.pdf')).toEqual({ ok: true, kind: 'pdf', contentType: 'application/pdf', filename: '附件1.pdf' }));
  it('replaces path separators and control characters in the file name', () => expect(checkAttachment(pdf, '../附件\u0000二\t.pdf')).toMatchObject({ ok: true, filename: '.._附件_二_.pdf' }));
  it('accepts upper-case extensions and .jpeg/.jpg', () => {
    expect(checkAttachment(pdf, 'A.PDF').ok).toBe(true);
    expect(checkAttachment(bytes([0xff, 0xd8, 0xff, 0xe1]), '图.jpeg').ok).toBe(true);
  });
  it('appends the extension when the name has none', () => expect(checkAttachment(png, '示意图')).toMatchObject({ ok: true, filename: '示意图.png' }));
  it('refuses a PNG named .pdf, saying what it is', () => {
    const r = checkAttachment(png, '通知.pdf');
    expect(r).toEqual({ ok: false, message: '附件“通知.pdf”的后缀是 .pdf，但文件内容是PNG 图片。请核对文件，或把文件名改为 .png 后缀后重新上传' });
  });
  it('refuses an executable renamed to .pdf', () => {
    const r = checkAttachment(bytes('MZ', [0x90, 0]), '通知.pdf');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('按文件内容识别');
  });
  it('refuses empty and oversized files', () => {
    expect(checkAttachment(new Uint8Array(), 'a.pdf')).toEqual({ ok: false, message: '附件“a.pdf”是空文件，请重新选择' });
    const r = checkAttachment(new Uint8Array(2 * 1048576), 'b.pdf', 1048576);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('超过上限 1 MB');
  });
  it('strips path separators from the name', async () => {
    const r = checkAttachment(await realDocx(), '../../etc/通知.docx');
    expect(r).toMatchObject({ ok: true, kind: 'docx', filename: '.._.._etc_通知.docx' });
  });
});
