import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildNotice } from '../../core/notices/build-notice.js';
import { sampleNoticeInput } from '../../core/notices/sample-notice-input.js';
import { NOTICE_TYPES, type NoticeContent, type NoticeInput, type NoticeType } from '../../core/notices/types.js';
import { calculatePerRequestFee } from '../../core/fees/calculate-fee.js';
import { issuerMarkSizePt, mmToTwip, signatureRightIndentEm } from './layout.js';
import { renderNoticeDocx } from './render-notice-docx.js';
import { noticeCss, renderNoticeHtml } from './render-notice-html.js';
import { renderNoticeText } from './render-notice-text.js';

/** Reads one entry of a ZIP archive (DOCX) with node:zlib: central directory → local header → inflate. */
function readZipEntry(zip: Buffer, name: string): string {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let offset = zip.readUInt32LE(eocd + 16);
  const count = zip.readUInt16LE(eocd + 10);
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(offset + 10);
    const size = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const local = zip.readUInt32LE(offset + 42);
    const entryName = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    if (entryName === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 0 ? data : inflateRawSync(data)).toString('utf8');
    }
    offset += 46 + nameLength + extraLength + commentLength;
  }
  throw new Error(`${name} not in archive`);
}

const REASONS = '该信息系本机关向上级机关报送的请示，相关事项尚在研究中，未形成正式决定。';
const reply = (): NoticeContent =>
  buildNotice('reply', sampleNoticeInput({ outcome: 'withheld_process_info', reasons: REASONS, attachments: ['政府信息公开申请表（复印件）', '检索记录'] }));

describe('renderNoticeDocx — GB/T 9704-2012 layout', () => {
  it('writes the title, the citation, the remedy and the fonts on eastAsia', async () => {
    const content = reply();
    const docx = await renderNoticeDocx(content);
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    const xml = readZipEntry(docx, 'word/document.xml');
    expect(xml).toContain('>某市自然资源和规划局<');
    expect(xml).toContain('>某规资公开〔2026〕12号<');
    expect(xml).toContain('>政府信息公开申请答复书<');
    expect(xml).toContain('>张三：<');
    expect(xml).toContain('《中华人民共和国政府信息公开条例》第十六条第二款、第三十六条第（三）项');
    expect(xml).toContain('应当先申请行政复议，对复议决定不服的，可以自收到复议决定书之日起十五日内依法提起行政诉讼');
    expect(xml).toContain('>2026年11月27日<');
    expect(xml).toContain('>附件：1.政府信息公开申请表（复印件）<');
    expect(xml).toContain('>2.检索记录<');
    expect(xml).toContain('（办公地址：某市人民路1号；联系电话：0571-87654321）');
    // fonts: title 方正小标宋简体 (2号 = 44 half-points), body 仿宋_GB2312 (3号 = 32), named on eastAsia
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toMatch(/w:eastAsia="方正小标宋简体"[^>]*\/><w:sz w:val="44"\/>/);
    expect(xml).toMatch(/w:eastAsia="仿宋_GB2312"[^>]*\/><w:spacing w:val="-5"\/><w:sz w:val="32"\/>/);
    // red 发文机关标志 and red separator line under the 文号
    expect(xml).toMatch(/<w:color w:val="FF0000"\/><w:sz w:val="72"\/>/);
    expect(xml).toContain('<w:bottom w:val="single" w:color="FF0000" w:sz="8" w:space="11"/>');
    // body: fixed 28.95 pt lines, 2-character first-line indent, justified
    expect(xml).toContain('<w:spacing w:after="0" w:before="0" w:line="579" w:lineRule="exact"/><w:ind w:firstLine="640" w:firstLineChars="200"/><w:jc w:val="both"/>');
    // 署名 centred over the date, date 4 characters (4 × 320 twips) from the right
    expect(xml).toContain('<w:ind w:right="1280"/><w:jc w:val="right"/>');
    expect(xml).toContain(`<w:ind w:right="${signatureRightIndentEm('某市自然资源和规划局', '2026年11月27日') * 320}"/>`);
  });

  it('sets A4 and the 版心 margins in twips, 22 lines of 579 twips, even/odd footers', async () => {
    const docx = await renderNoticeDocx(reply());
    const xml = readZipEntry(docx, 'word/document.xml');
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect([mmToTwip(37), mmToTwip(26), mmToTwip(35), mmToTwip(28)]).toEqual([2098, 1474, 1984, 1587]);
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587" [^>]*\/>/);
    expect(xml).toContain('<w:docGrid w:type="lines" w:linePitch="579"/>');
    expect(xml).toContain('<w:footerReference w:type="default"');
    expect(xml).toContain('<w:footerReference w:type="even"');
    expect(readZipEntry(docx, 'word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
    const footers = [readZipEntry(docx, 'word/footer1.xml'), readZipEntry(docx, 'word/footer2.xml')].join('\n');
    // "— 1 —" in 4号 (28 half-points) 宋体, odd right and even left, one character (280 twips) in
    expect(footers).toContain('>— <');
    expect(footers).toContain('>PAGE<');
    expect(footers).toContain('> —<');
    expect(footers).toContain('w:eastAsia="宋体"');
    expect(footers).toContain('<w:sz w:val="28"/>');
    expect(footers).toContain('<w:ind w:right="280"/><w:jc w:val="right"/>');
    expect(footers).toContain('<w:ind w:left="280"/><w:jc w:val="left"/>');
  });

  it('honours layout options: no 红头 on letterhead paper, other font names', async () => {
    const docx = await renderNoticeDocx(reply(), { showIssuerMark: false, fonts: { body: '仿宋', title: '华文中宋' } });
    const xml = readZipEntry(docx, 'word/document.xml');
    expect(xml).not.toContain('FF0000');
    expect(xml).toContain('w:eastAsia="仿宋"');
    expect(xml).toContain('w:eastAsia="华文中宋"');
    expect(xml).not.toContain('仿宋_GB2312');
  });

  it.each(NOTICE_TYPES.map((t) => [t] as const))('renders a %s notice with its title and first citation', async (type) => {
    const content = buildNotice(type, INPUTS[type]);
    const xml = readZipEntry(await renderNoticeDocx(content), 'word/document.xml');
    expect(xml).toContain(`>${content.title}<`);
    const basis = content.paragraphs.find((p) => p.kind === 'legal_basis')!;
    expect(xml).toContain(escapeXml(basis.text));
  });
});

describe('renderNoticeHtml — printable A4 preview', () => {
  it('is a full page with @page A4 margins and every paragraph, escaped', () => {
    const content = reply();
    const html = renderNoticeHtml(content);
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
    expect(html).toContain('<title>政府信息公开申请答复书（某规资公开〔2026〕12号）</title>');
    expect(html).toContain('@page { size: A4; margin: 37mm 26mm 35mm 28mm; }');
    expect(html).toContain('@bottom-right { content: "— " counter(page) " —"');
    expect(html).toContain('font-size: 16pt; line-height: 28.95pt');
    expect(html).toContain(`<div class="issuer-mark" style="font-size: ${issuerMarkSizePt('某市自然资源和规划局')}pt">某市自然资源和规划局</div>`);
    expect(html).toContain('<div class="doc-number">某规资公开〔2026〕12号</div>');
    expect(html).toContain('<h1 class="title">政府信息公开申请答复书</h1>');
    expect(html).toContain('<p class="addressee">张三：</p>');
    for (const p of content.paragraphs) expect(html).toContain(`<p class="para para-${p.kind}" data-kind="${p.kind}">${p.text.replace(/"/g, '&quot;')}</p>`);
    expect(html).toContain('<p>附件：1.政府信息公开申请表（复印件）</p>');
    expect(html).toContain('<time datetime="2026-11-27">2026年11月27日</time>');
    expect(html).toContain('<p class="note">（办公地址：某市人民路1号；联系电话：0571-87654321）</p>');
  });

  it('escapes markup typed by users', () => {
    const content = buildNotice('receipt', sampleNoticeInput({ request: { trackingCode: 'GK-1', receivedOn: '2026-11-02', description: '<script>alert("x")</script> & 文件', channel: 'in_person' } }));
    const html = renderNoticeHtml(content);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 文件');
  });

  it('gives a bare <article> for embedding, with the stylesheet separately', () => {
    const fragment = renderNoticeHtml(reply(), undefined, { fragment: true });
    expect(fragment.startsWith('<article class="gongwen notice-reply" data-tracking-code="GK-2026-0012">')).toBe(true);
    expect(fragment).not.toContain('<html');
    expect(noticeCss()).toContain('.gongwen .para { text-indent: 2em; text-align: justify; }');
  });
});

describe('renderNoticeText', () => {
  it('lays out the blocks in order with full-width indents', () => {
    const text = renderNoticeText(reply());
    const lines = text.split('\n');
    expect(lines.slice(0, 6)).toEqual(['某市自然资源和规划局', '', '某规资公开〔2026〕12号', '', '政府信息公开申请答复书', '']);
    expect(lines[6]).toBe('张三：');
    expect(lines[7]).toMatch(/^\u3000\u3000本机关于2026年11月2日收到您/);
    expect(text).toContain('\u3000\u3000附件：1.政府信息公开申请表（复印件）\n\u3000\u3000\u3000\u3000\u30002.检索记录\n');
    expect(text.endsWith('某市自然资源和规划局\n2026年11月27日\n\u3000\u3000（办公地址：某市人民路1号；联系电话：0571-87654321）\n')).toBe(true);
  });
});

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const INPUTS: Record<NoticeType, NoticeInput> = {
  receipt: sampleNoticeInput({ dates: { issuedOn: '2026-11-02', dueOn: '2026-11-30' } }),
  supplement: sampleNoticeInput({ dates: { issuedOn: '2026-11-05', supplementDueOn: '2026-11-19' }, supplement: { items: ['请明确地块名称'] } }),
  extension: sampleNoticeInput({ dates: { issuedOn: '2026-11-27', dueOn: '2026-11-30', newDueOn: '2026-12-28' } }),
  consultation: sampleNoticeInput({ dates: { issuedOn: '2026-11-10' }, thirdParty: { name: '某建设有限公司', type: 'commercial', information: '项目成本测算表', rights: ['commercial_secret'] } }),
  'third-party-decision': sampleNoticeInput({ thirdParty: { name: '某建设有限公司', type: 'commercial', information: '补偿总额', response: 'objected' }, reasons: '涉及重大公共利益。' }),
  delay: sampleNoticeInput({ delay: { kind: 'delayed_reply' }, dates: { issuedOn: '2026-11-25', newDueOn: '2027-01-29' } }),
  fee: sampleNoticeInput({ fee: { ...calculatePerRequestFee({ nthInMonth: 12 }), paymentMethod: '缴款码' }, dates: { issuedOn: '2026-11-20' } }),
  reply: sampleNoticeInput({ outcome: 'withheld_process_info', reasons: REASONS }),
};
