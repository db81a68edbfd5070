/**
 * One-off generator for `holiday-notices.ts` (NOT imported by app code; it does I/O).
 *
 *   npx tsx src/core/calendar/generate-notices.ts            # rewrites holiday-notices.ts
 *   npx tsx src/core/calendar/generate-notices.ts --check    # exits 1 if the file is out of date
 *
 * Dates come from the `chinese-days` package (its per-day data, read through `getDayDetail`); notice numbers,
 * titles, issue dates and sources come from the table below, checked by hand against published copies of each
 * 国务院办公厅关于XXXX年部分节假日安排的通知. The output is plain data so the app never needs chinese-days at run time.
 *
 * Rules applied to the package data:
 * - Only nationwide days off are taken. chinese-days 1.5.7 carries no partial-population days (妇女节、青年节、
 *   儿童节、建军节 half days, which do not close agencies — legal-facts §5.1); the generator refuses any name
 *   outside NATIONWIDE_NAMES so a future package version cannot slip one in.
 * - A December date named 元旦 belongs to the next year's notice (e.g. 2018-12-29 上班 is in the 2019 notice).
 * - A weekend day lying between two days off of the same block is a day off of that block (the package lists e.g.
 *   2011-06-04 and 2011-06-06 but not Sunday 2011-06-05); EXTRA_HOLIDAYS adds the days a notice names that the
 *   package leaves out because they are ordinary weekend days.
 */
import { writeFileSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import cd from 'chinese-days';
import type { IsoDate } from '../types.js';
import type { NoticeSupplement, YearNotice } from './holiday-notices.js';

const FIRST_YEAR = 2008;
/**
 * Revision of the hand-kept metadata (sources, notes). Bump it when their text changes, so that deployments refresh
 * their shipped rows (services/calendar.ts `seedCalendar` compares versions). r2: sources without internal references.
 */
const DATA_REVISION = 2;
const LAST_YEAR = 2026;

/** Festival names (Chinese part of chinese-days' "English,中文,天数" labels) that are nationwide days off. */
const NATIONWIDE_NAMES = new Set(['元旦', '春节', '清明', '劳动节', '端午', '中秋', '国庆节', '中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日']);

/** Days off named in a notice text that the package omits (ordinary weekend days at the edge of a block). */
const EXTRA_HOLIDAYS: Record<number, IsoDate[]> = {
  // 国发明电〔2015〕1号: "9月3日至5日调休放假，共3天" — 9月5日 is a Saturday.
  2015: ['2015-09-05'],
};

interface NoticeMeta {
  notice: string;
  issuedOn: IsoDate | null;
  source: string;
  note?: string;
  supplements?: NoticeSupplement[];
}

const UNKNOWN_NUMBER = '文号待核';

/** Notice metadata, one row per year; every number was read from a published copy named in `source`. */
const META: Record<number, NoticeMeta> = {
  2008: {
    notice: UNKNOWN_NUMBER,
    issuedOn: null,
    source: '中新网 2007-12-18 转载国家发改委网站全文 (https://news.cdc.net.cn/article/12481.html)',
    note: '文号与成文日期未能核实（2007年12月中旬发布）；元旦放假 2007-12-30 至 2008-01-01、2007-12-29（星期六）上班 属本通知。',
  },
  2009: {
    notice: '国办发明电〔2008〕42号',
    issuedOn: null,
    source: '中新网 2008-12-10 转载全文 (http://www.xixik.com/content/3cb2fcd5e2d67458/1/)',
    note: '成文日期未能核实（中国政府网 2008-12-10 前后发布）。',
  },
  2010: {
    notice: '国办发明电〔2009〕27号',
    issuedOn: '2009-12-07',
    source: '中国政府网 2009-12-08 发布，全文转载 (http://dncc.cn/read-htm-tid-88865.htm)',
  },
  2011: {
    notice: '国办发明电〔2010〕40号',
    issuedOn: '2010-12-09',
    source: '维基文库《国务院办公厅关于2011年部分节假日安排的通知》',
  },
  2012: {
    notice: '国办发明电〔2011〕45号',
    issuedOn: '2011-12-05',
    source: '中国政府网 2011-12-06 发布，全文转载 (http://54xsr.com/bbs/archiver/tid-74491.html)',
    note: '元旦 2011-12-31（星期六）上班 属本通知。',
  },
  2013: {
    notice: '国办发明电〔2012〕33号',
    issuedOn: '2012-12-08',
    source: '全文转载 (http://sjzok.net/forum.php?mod=viewthread&tid=355216)',
  },
  2014: {
    notice: '国办发明电〔2013〕28号',
    issuedOn: '2013-12-11',
    source: '新华网 2013-12-11 全文转载 (http://lishewen.com/post/the-holiday-arrangement-announced-in-2014)',
    note: '自2014年起除夕不再为法定节假日（国务院令第644号）。',
  },
  2015: {
    notice: '国办发明电〔2014〕28号',
    issuedOn: '2014-12-16',
    source: '中国政府网 2014-12-16 发布，全文转载 (https://cha138.com/minsu/show-2877.html)',
    supplements: [
      {
        notice: '国发明电〔2015〕1号',
        title: '国务院关于中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日调休放假的通知',
        issuedOn: '2015-05-13',
        source: '全文转载 (https://yjbys.com/fangjia/jieri/262227.html)',
        summary: '9月3日至5日调休放假，共3天；9月6日（星期日）上班。全国放假。',
      },
    ],
  },
  2016: {
    notice: '国办发明电〔2015〕18号',
    issuedOn: '2015-12-10',
    source: 'http://www.gov.cn/zhengce/content/2015-12/10/content_10394.htm',
  },
  2017: {
    notice: '国办发明电〔2016〕17号',
    issuedOn: '2016-12-01',
    source: '维基文库《国务院办公厅关于2017年部分节假日安排的通知》; http://www.gov.cn/zhengce/content/2016-12/01/content_5141603.htm',
  },
  2018: {
    notice: '国办发明电〔2017〕12号',
    issuedOn: '2017-11-30',
    source: '维基文库《国务院办公厅关于2018年部分节假日安排的通知》',
  },
  2019: {
    notice: '国办发明电〔2018〕15号',
    issuedOn: '2018-12-04',
    source: '全文转载 (http://czj.gnzrmzf.gov.cn/info/1282/12573.htm)',
    note: '元旦 2018-12-30 至 2019-01-01 放假、2018-12-29（星期六）上班 属本通知。',
    supplements: [
      {
        notice: '国办发明电〔2019〕3号',
        title: '国务院办公厅关于调整2019年劳动节假期安排的通知',
        issuedOn: '2019-03-22',
        source: '首都之窗转载 (https://csglxh.com/wwwcsglxhcom/zhengce/wenjian/192/397/1856684/1574209/index.htm)',
        summary: '劳动节改为5月1日至4日放假调休，共4天；4月28日（星期日）、5月5日（星期日）上班（原通知为5月1日放假1天）。',
      },
    ],
  },
  2020: {
    notice: '国办发明电〔2019〕16号',
    issuedOn: '2019-11-21',
    source: '新华社 2019-11-21 全文转载 (http://gansulong.com/c/0Q25M3X2022_2.html)',
    supplements: [
      {
        notice: '国办发明电〔2020〕1号',
        title: '国务院办公厅关于延长2020年春节假期的通知',
        issuedOn: '2020-01-26',
        source: '中国政府网 2020-01-27 发布，全文转载 (http://news.iqilu.com/china/gedi/2020/0127/4426056.shtml)',
        summary: '春节假期延长至2月2日（星期日），2月3日起正常上班；原定2月1日（星期六）上班随之取消。',
      },
    ],
  },
  2021: {
    notice: '国办发明电〔2020〕27号',
    issuedOn: '2020-11-25',
    source: '中国政府网 2020-11-25 发布，全文转载 (http://www.cncaprc.cn/?c=i&a=lList_mod&myid=3&id=3366)',
  },
  2022: {
    notice: '国办发明电〔2021〕11号',
    issuedOn: '2021-10-25',
    source: 'http://www.beijing.gov.cn/zhengce/zhengcefagui/202110/t20211026_2520500.html',
  },
  2023: {
    notice: '国办发明电〔2022〕16号',
    issuedOn: '2022-12-08',
    source: '维基文库《国务院办公厅关于2023年部分节假日安排的通知》（国务院公报2023年第1号）',
    note: '元旦 2022-12-31 至 2023-01-02 放假 属本通知。',
  },
  2024: {
    notice: '国办发明电〔2023〕7号',
    issuedOn: '2023-10-25',
    source: '维基文库（国务院公报2023年第31号）; 人民日报 2023-10-26 第6版',
    note: '除夕（2月9日）为工作日，通知仅“鼓励各单位…安排职工在除夕休息”。',
  },
  2025: {
    notice: '国办发明电〔2024〕12号',
    issuedOn: '2024-11-12',
    source: 'https://m.gmw.cn/2024-11/12/content_1303894933.htm',
    note: '首个按国务院令第795号（2025-01-01施行，全年13天）安排的年度。',
  },
  2026: {
    notice: '国办发明电〔2025〕7号',
    issuedOn: '2025-11-04',
    source: 'https://politics.gmw.cn/2025-11/04/content_38391083.htm',
    note: '文号据转载页，尚待与中国政府网原文核对。',
  },
};

function addDays(date: IsoDate, n: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function isWeekend(date: IsoDate): boolean {
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  return dow === 0 || dow === 6;
}

interface DayEntry {
  date: IsoDate;
  kind: 'holiday' | 'workday';
  name: string;
}

/** Reads every date of the range from chinese-days and keeps the days that differ from the weekday rule. */
function readPackage(): DayEntry[] {
  const entries: DayEntry[] = [];
  for (let d = `${FIRST_YEAR - 1}-12-01`; d <= `${LAST_YEAR}-12-31`; d = addDays(d, 1)) {
    const detail = cd.getDayDetail(d);
    const parts = detail.name.split(',');
    const isNamed = parts.length === 3;
    const weekend = isWeekend(d);
    if (!isNamed) {
      // Ordinary day: the package must agree with the plain weekday rule.
      if (detail.work === weekend) throw new Error(`${d}: unnamed day with work=${detail.work} on a ${weekend ? 'weekend' : 'weekday'}`);
      continue;
    }
    const name = parts[1];
    if (!NATIONWIDE_NAMES.has(name)) throw new Error(`${d}: "${name}" is not a nationwide holiday name; review before shipping`);
    if (detail.work && !weekend) continue; // named weekday that is worked anyway: no effect on the calendar
    if (detail.work) entries.push({ date: d, kind: 'workday', name });
    else entries.push({ date: d, kind: 'holiday', name });
  }
  return entries;
}

/** The notice year a date belongs to (December 元旦 days belong to the next year's notice). */
function noticeYear(e: DayEntry): number {
  const year = Number(e.date.slice(0, 4));
  return e.name === '元旦' && e.date.slice(5, 7) === '12' ? year + 1 : year;
}

function buildNotices(): YearNotice[] {
  const entries = readPackage();
  const notices: YearNotice[] = [];
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
    const mine = entries.filter((e) => noticeYear(e) === year);
    const holidays = new Set(mine.filter((e) => e.kind === 'holiday').map((e) => e.date));
    const workdays = new Set(mine.filter((e) => e.kind === 'workday').map((e) => e.date));
    // Fill weekend gaps inside a block: two days off of the same name at most 3 days apart.
    const offs = mine.filter((e) => e.kind === 'holiday');
    for (let i = 0; i + 1 < offs.length; i++) {
      const [a, b] = [offs[i], offs[i + 1]];
      if (a.name !== b.name) continue;
      const gap: IsoDate[] = [];
      for (let d = addDays(a.date, 1); d < b.date; d = addDays(d, 1)) gap.push(d);
      if (gap.length > 0 && gap.length <= 2 && gap.every((d) => isWeekend(d) && !workdays.has(d))) gap.forEach((d) => holidays.add(d));
    }
    for (const d of EXTRA_HOLIDAYS[year] ?? []) holidays.add(d);
    const meta = META[year];
    if (!meta) throw new Error(`no notice metadata for ${year}`);
    notices.push({
      year,
      notice: meta.notice,
      title: `国务院办公厅关于${year}年部分节假日安排的通知`,
      issuedOn: meta.issuedOn,
      source: meta.source,
      holidays: [...holidays].sort(),
      workdays: [...workdays].sort(),
      ...(meta.note ? { note: meta.note } : {}),
      ...(meta.supplements ? { supplements: meta.supplements } : {}),
    });
  }
  return notices;
}

function render(notices: YearNotice[]): string {
  const pkg = JSON.parse(readFileSync(new URL('../../../node_modules/chinese-days/package.json', import.meta.url), 'utf8')) as { version: string };
  const last = notices[notices.length - 1];
  const version = `${last.year}:${last.issuedOn}:chinese-days@${pkg.version}:r${DATA_REVISION}`;
  const dates = (list: readonly string[]): string => {
    const lines: string[] = [];
    for (let i = 0; i < list.length; i += 8) lines.push('      ' + list.slice(i, i + 8).map((d) => `'${d}'`).join(', ') + ',');
    return list.length === 0 ? '[]' : `[\n${lines.join('\n')}\n    ]`;
  };
  const str = (s: string | null): string => (s === null ? 'null' : `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`);
  const body = notices
    .map((n) => {
      const fields = [
        `    year: ${n.year},`,
        `    notice: ${str(n.notice)},`,
        `    title: ${str(n.title)},`,
        `    issuedOn: ${str(n.issuedOn)},`,
        `    source: ${str(n.source)},`,
        ...(n.note ? [`    note: ${str(n.note)},`] : []),
        ...(n.supplements
          ? [
              `    supplements: [\n${n.supplements
                .map(
                  (s) =>
                    `      {\n        notice: ${str(s.notice)},\n        title: ${str(s.title)},\n        issuedOn: ${str(s.issuedOn)},\n        source: ${str(s.source)},\n        summary: ${str(s.summary)},\n      },`,
                )
                .join('\n')}\n    ],`,
            ]
          : []),
        `    holidays: ${dates(n.holidays)},`,
        `    workdays: ${dates(n.workdays)},`,
      ];
      return `  {\n${fields.join('\n')}\n  },`;
    })
    .join('\n');
  return `// GENERATED by src/core/calendar/generate-notices.ts from chinese-days@${pkg.version} + hand-checked notice metadata.
// Do not edit the dates by hand: change the generator (or its tables) and re-run it. Plain data, no run-time dependency.
import type { IsoDate } from '../types.js';

/** A later notice that changed a year's arrangement (e.g. the 2020 Spring Festival extension). */
export interface NoticeSupplement {
  notice: string;
  title: string;
  issuedOn: IsoDate | null;
  source: string;
  /** What the supplement changed, in the notice's words. */
  summary: string;
}

/**
 * One year's 国务院办公厅关于XXXX年部分节假日安排的通知 (legal-facts §5), with any later nationwide notice that changed it
 * folded into \`holidays\`/\`workdays\` and listed in \`supplements\`.
 */
export interface YearNotice {
  year: number;
  /** 文号, e.g. '国办发明电〔2023〕7号'; '${UNKNOWN_NUMBER}' where it could not be verified. */
  notice: string;
  /** e.g. '国务院办公厅关于2024年部分节假日安排的通知'. */
  title: string;
  /** 成文日期; null where it could not be verified. */
  issuedOn: IsoDate | null;
  /** URL or citation of the copy the data was checked against. */
  source: string;
  note?: string;
  supplements?: readonly NoticeSupplement[];
  /** Every day off (放假), including weekend days inside a holiday block; may include late-December days of year-1 (元旦). */
  holidays: readonly IsoDate[];
  /** Weekend days that are working days (调休上班); may include late-December days of year-1 (元旦). */
  workdays: readonly IsoDate[];
}

/** Version of the shipped calendar data: last notice year, its date, and the generator's source package. */
export const CALENDAR_DATA_VERSION = '${version}';

/** Nationwide holiday notices ${FIRST_YEAR}–${LAST_YEAR}, oldest first. */
export const HOLIDAY_NOTICES: readonly YearNotice[] = [
${body}
];
`;
}

const out = render(buildNotices());
const target = fileURLToPath(new URL('./holiday-notices.ts', import.meta.url));
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    /* missing file counts as out of date */
  }
  if (current !== out) {
    console.error('holiday-notices.ts is out of date: run npx tsx src/core/calendar/generate-notices.ts');
    process.exit(1);
  }
  console.log('holiday-notices.ts is up to date');
} else {
  writeFileSync(target, out);
  console.log(`wrote ${target}`);
}
