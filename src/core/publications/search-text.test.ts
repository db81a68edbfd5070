import { describe, expect, it } from 'vitest';
import { buildTsQuery, highlightNeedles, highlightSnippet, highlightText, htmlToText, joinIndexTokens, queryTermsFrom, sanitizeBodyHtml, textToHtml, looksLikeHtml } from './search-text.js';

describe('joinIndexTokens', () => {
  it('keeps words, drops punctuation and spaces, lower-cases', () => {
    expect(joinIndexTokens(['关于', '做好', '2024', '年', '，', ' ', 'GIS', '〔', '通知', '。'])).toBe('关于 做好 2024 年 gis 通知');
  });
});

describe('queryTermsFrom / buildTsQuery', () => {
  const sub: Record<string, string[]> = { 耕地保护: ['耕地', '保护', '耕地保护'], 年度报告: ['年度', '报告', '年度报告'] };
  const subwords = (w: string) => sub[w] ?? [w];

  it('segmented query words become AND-ed lexemes; stop words and punctuation are dropped', () => {
    const terms = queryTermsFrom(['耕地', ' ', '保护', '的', '通知', '2024', '年', '，'], subwords);
    expect(terms.map((t) => t.word)).toEqual(['耕地', '保护', '通知', '2024']);
    expect(buildTsQuery(terms, 'and')).toBe("'耕地' & '保护' & '通知' & '2024'");
    expect(buildTsQuery(terms, 'or')).toBe("'耕地' | '保护' | '通知' | '2024'");
  });
  it('a long word matches itself or all its pieces', () => {
    const terms = queryTermsFrom(['耕地保护', '年度报告'], subwords);
    expect(buildTsQuery(terms, 'and')).toBe("('耕地保护' | ('耕地' & '保护')) & ('年度报告' | ('年度' & '报告'))");
  });
  it('keeps stop words when nothing else is left', () => {
    expect(queryTermsFrom(['关于']).map((t) => t.word)).toEqual(['关于']);
  });
  it('quotes operators and quotes away (no tsquery injection)', () => {
    const terms = queryTermsFrom(["a'b", 'x&y', 'c\\d']);
    expect(buildTsQuery(terms, 'and')).toBe("'a''b' & 'x&y' & 'c\\\\d'");
  });
  it('deduplicates and returns null for an empty query', () => {
    expect(queryTermsFrom(['通知', '通知']).length).toBe(1);
    expect(buildTsQuery(queryTermsFrom(['，', ' ']), 'and')).toBeNull();
  });
  it('needles are longest first', () => {
    expect(highlightNeedles(queryTermsFrom(['耕地保护', '通知'], subwords))).toEqual(['耕地保护', '耕地', '保护', '通知']);
  });
});

describe('highlightSnippet / highlightText', () => {
  const body = '为深入贯彻落实党中央、国务院关于耕地保护的决策部署，现就做好2024年耕地保护工作通知如下。一、严格落实耕地保护责任。';
  it('starts near the first hit, escapes, wraps terms in <em>', () => {
    expect(highlightSnippet(body, ['耕地', '保护'], 30)).toBe('…央、国务院关于<em>耕地</em><em>保护</em>的决策部署，现就做好2024年<em>耕地</em><em>保护</em>…');
  });
  it('prefers the longest needle at a position', () => {
    expect(highlightSnippet('耕地保护工作', ['耕地', '耕地保护'], 50)).toBe('<em>耕地保护</em>工作');
  });
  it('escapes HTML in the text', () => {
    expect(highlightSnippet('<script>耕地</script>', ['耕地'], 50)).toBe('&lt;script&gt;<em>耕地</em>&lt;/script&gt;');
  });
  it('without hits returns the beginning', () => {
    expect(highlightSnippet('一二三四五六七八九十', ['耕地'], 5)).toBe('一二三四五…');
  });
  it('matches Latin letters case-insensitively, keeping the original case', () => {
    expect(highlightText('国土空间GIS平台', ['gis'])).toBe('国土空间<em>GIS</em>平台');
  });
});

describe('htmlToText / sanitizeBodyHtml', () => {
  it('turns a rich-text body into lines of text', () => {
    expect(htmlToText('<p>第一段&nbsp;文字</p><script>alert(1)</script><p>第二段<br>换行 &lt;b&gt; &#x4E2D;&#22269;</p>')).toBe('第一段 文字\n第二段\n换行 <b> 中国');
  });
  it('keeps formatting, removes active content', () => {
    const dirty = '<p onclick="x()" style="color:red">正文<script>alert(1)</script><a href="javascript:alert(1)">坏链接</a><a href="https://www.gov.cn/">好链接</a></p><img src=x onerror=alert(1)><iframe src="https://evil"></iframe><td colspan="2">表</td>';
    expect(sanitizeBodyHtml(dirty)).toBe('<p>正文<a>坏链接</a><a href="https://www.gov.cn/" rel="noopener noreferrer" target="_blank">好链接</a></p><img /><td colspan="2">表</td>');
  });
  it('keeps site-relative attachment images', () => {
    expect(sanitizeBodyHtml('<img src="/api/public/attachments/3" alt="图">')).toBe('<img src="/api/public/attachments/3" alt="图" />');
  });
  it('plain text becomes paragraphs', () => {
    expect(textToHtml('一、总则\n\n二、<范围>')).toBe('<p>一、总则</p><p>二、&lt;范围&gt;</p>');
    expect(looksLikeHtml('一、总则')).toBe(false);
    expect(looksLikeHtml('<p>一</p>')).toBe(true);
  });
});
