import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildAnnualReport, buildNarrative } from '../../core/reports/index.js';
import { ledger2024, SEED_2016_FACTS, seedLedger2016 } from '../../core/reports/testing.js';
import { COMMON_DOCX_FONTS, renderReportDocx } from './docx.js';

/** Minimal ZIP reader (central directory + stored/deflated entries), enough to inspect a DOCX. */
function unzip(buf: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd -= 1;
  if (eocd < 0) throw new Error('not a zip');
  let p = buf.readUInt32LE(eocd + 16);
  const count = buf.readUInt16LE(eocd + 10);
  for (let i = 0; i < count; i += 1) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(dataStart, dataStart + size);
    files.set(name, method === 8 ? inflateRawSync(raw) : raw);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return files;
}

describe('renderReportDocx gov-2021', async () => {
  const report = buildAnnualReport({ format: 'gov-2021', year: 2024, agency: '某市自然资源局', ...ledger2024() });
  const buf = await renderReportDocx(report, buildNarrative(report, { overviewText: '本年度，我局认真贯彻落实《条例》。' }));
  const files = unzip(buf);
  const xml = files.get('word/document.xml')!.toString('utf8');

  it('is a valid zip with the WordprocessingML parts', () => {
    expect(buf.subarray(0, 2).toString()).toBe('PK');
    expect([...files.keys()]).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml']));
    expect(xml.startsWith('<?xml')).toBe(true);
  });

  it('has the Chinese title, the six parts and the entered text', () => {
    expect(xml).toContain('某市自然资源局2024年政府信息公开工作年度报告');
    for (const h of ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']) {
      expect(xml).toContain(h);
    }
    expect(xml).toContain('本年度，我局认真贯彻落实《条例》。');
    expect(xml).toContain('<w:highlight w:val="yellow"/>'); // placeholders still to fill in
  });

  it('lays out the page and fonts of GB/T 9704', () => {
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toContain('<w:sz w:val="44"/>'); // 22 pt title
    expect(xml).toContain('<w:sz w:val="32"/>'); // 16 pt body
    expect(xml).toContain('w:line="560" w:lineRule="exact"');
  });

  it('contains the official tables with merged cells', () => {
    expect(xml).toContain('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
    expect(xml).toContain('<w:gridSpan w:val="3"/>');
    expect(xml).toContain('<w:vMerge w:val="restart"/>');
    expect(xml).toContain('<w:vMerge w:val="continue"/>');
    expect(xml.match(/<w:tbl>/g)).toHaveLength(3);
    expect(xml).toContain('未经复议直接起诉');
    expect(xml).toContain('>73<');
  });

  it('can use the common Windows fonts instead', async () => {
    const other = unzip(await renderReportDocx(report, buildNarrative(report), { fonts: COMMON_DOCX_FONTS })).get('word/document.xml')!.toString('utf8');
    expect(other).toContain('w:eastAsia="仿宋"');
    expect(other).not.toContain('仿宋_GB2312');
  });
});

describe('renderReportDocx gov-2014', () => {
  it('prints the seed-style text and the 统计表 as 附表', async () => {
    const report = buildAnnualReport({ format: 'gov-2014', year: 2016, agency: '国土资源部', ...seedLedger2016(), facts: SEED_2016_FACTS });
    const xml = unzip(await renderReportDocx(report, buildNarrative(report, SEED_2016_FACTS))).get('word/document.xml')!.toString('utf8');
    expect(xml).toContain('国土资源部2016年政府信息公开工作年度报告');
    expect(xml).toContain('附表：政府信息公开情况统计表');
    expect(xml).toContain('<w:pageBreakBefore/>');
    expect(xml).toContain('（2016年度）');
    expect(xml).toContain('填报单位：国土资源部');
    expect(xml).toContain('全年共收到政府信息公开申请1045件。');
    expect(xml).toContain('>1032<');
    expect(xml.match(/<w:tbl>/g)).toHaveLength(1);
  });
});
