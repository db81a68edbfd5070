import { describe, expect, it } from 'vitest';
import { computeProactiveFigures, type PublicationFigureRow } from './figures.js';

const row = (o: Partial<PublicationFigureRow>): PublicationFigureRow => ({ normativeKind: null, writtenOn: null, publishedOn: null, withdrawnOn: null, validity: 'effective', validityChangedOn: null, channels: ['website'], ...o });

describe('computeProactiveFigures (report section 二 and gov-2014 一)', () => {
  const rows: PublicationFigureRow[] = [
    // normative documents
    row({ normativeKind: 'normative', writtenOn: '2024-03-01', publishedOn: '2024-03-05', channels: ['website', 'gazette'] }), // made+published 2024, in force
    row({ normativeKind: 'normative', writtenOn: '2023-12-28', publishedOn: '2024-01-04', channels: ['website'] }), // made 2023, published 2024
    row({ normativeKind: 'normative', writtenOn: '2020-05-01', publishedOn: '2020-05-10', validity: 'repealed', validityChangedOn: '2024-06-30' }), // repealed in 2024
    row({ normativeKind: 'normative', writtenOn: '2021-01-01', publishedOn: '2021-01-05', validity: 'repealed', validityChangedOn: '2025-02-01' }), // repealed after 2024: in force at 2024 end
    row({ normativeKind: 'normative', writtenOn: '2019-01-01', publishedOn: '2019-01-05', validity: 'invalid', validityChangedOn: '2024-01-01' }), // expired in 2024: not repealed, not in force
    row({ normativeKind: 'normative', writtenOn: '2024-11-01', publishedOn: null }), // draft: counts nowhere
    // a regulation withdrawn in 2024
    row({ normativeKind: 'regulation', writtenOn: '2022-02-02', publishedOn: '2022-02-10', withdrawnOn: '2024-08-01' }),
    row({ normativeKind: 'regulation', writtenOn: '2024-07-01', publishedOn: '2024-07-02', channels: ['gazette', 'website', 'wechat'] }),
    // ordinary items
    row({ writtenOn: '2024-01-02', publishedOn: '2024-01-03', channels: ['website', 'weibo', 'weibo'] }),
    row({ writtenOn: '2024-12-30', publishedOn: '2025-01-02' }), // published next year
    row({ publishedOn: '2024-05-05', channels: ['other'] }),
  ];
  const f = computeProactiveFigures(rows, 2024);

  it('gov-2021 行政规范性文件: 本年制发 / 本年废止 / 现行有效', () => {
    expect(f.gov2021.normativeDocuments).toEqual({ issued: 1, repealed: 1, inForce: 3 });
  });
  it('gov-2021 规章', () => {
    expect(f.gov2021.regulations).toEqual({ issued: 1, repealed: 0, inForce: 1 });
  });
  it('gov-2019 本年新制作 / 本年新公开 / 对外公开总数量', () => {
    expect(f.gov2019.normativeDocuments).toEqual({ made: 1, published: 2, totalPublic: 5 });
    expect(f.gov2019.regulations).toEqual({ made: 1, published: 1, totalPublic: 1 });
  });
  it('gov-2014 主动公开 rows and channels (an item counts once per channel)', () => {
    expect(f.gov2014).toEqual({ published: 5, publishedNormative: 2, normativeIssued: 1, byChannel: { gazette: 2, website: 4, weibo: 1, wechat: 1, other: 1 } });
  });
  it('marks presence', () => {
    expect(f.present).toBe(true);
    expect(computeProactiveFigures([row({ publishedOn: null })], 2024).present).toBe(false);
  });
  it('a year before everything counts nothing but what existed', () => {
    const g = computeProactiveFigures(rows, 2019);
    expect(g.gov2021.normativeDocuments).toEqual({ issued: 1, repealed: 0, inForce: 1 });
    expect(g.gov2014.published).toBe(1);
  });
});
