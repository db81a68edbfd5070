/**
 * Independent cross-check of EVERY date 2008-01-01..2026-12-31 against the `holiday-calendar` package (a second,
 * separately maintained data set; devDependency). Its default loader fetches from a CDN, so a local dataLoader reads
 * node_modules/holiday-calendar/data/CN/YYYY.json. The package's own `isWorkday(region, date)` answers each date.
 *
 * Every disagreement is listed in KNOWN_DISAGREEMENTS with the notice text that decides it; the test fails on any new
 * one (and on a listed one that disappears), so a data change in either source gets a human look.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../types.js';
import { SHIPPED_CALENDAR } from './index.js';
import { addCalendarDays, isWorkingDay } from './working-days.js';

interface HolidayCalendarInstance {
  isWorkday(region: string, date: string): Promise<boolean>;
}
type HolidayCalendarClass = new (options: { dataLoader: (path: string) => Promise<unknown> }) => HolidayCalendarInstance;

const require = createRequire(import.meta.url);
const HolidayCalendar = require('holiday-calendar') as HolidayCalendarClass;
const dataDir = join(dirname(require.resolve('holiday-calendar/package.json')), 'data');
const holidayCalendar = new HolidayCalendar({ dataLoader: async (path) => JSON.parse(readFileSync(join(dataDir, path), 'utf8')) as unknown });

/** Dates where holiday-calendar@1.3.3 differs from us; `ours` is what we ship, and each reason says why it is right. */
const KNOWN_DISAGREEMENTS: Record<IsoDate, { ours: boolean; reason: string }> = {
  '2008-05-04': { ours: true, reason: '2008通知: "5月4日（星期日）上班" — holiday-calendar omits this 调休上班 day' },
  '2008-06-07': { ours: false, reason: '2008通知: 端午 "6月7日—9日放假" (6/7 照常公休) — holiday-calendar marks 6/7 as 端午节补班' },
  '2008-09-13': { ours: false, reason: '2008通知: 中秋 "9月13日—15日放假" (9/13 为公休日) — holiday-calendar marks 9/13 as 中秋节补班' },
  '2009-01-04': { ours: true, reason: '国办发明电〔2008〕42号: 元旦 "1月4日（星期日）上班" — omitted by holiday-calendar' },
  '2009-09-27': { ours: true, reason: '国办发明电〔2008〕42号: 国庆中秋 "9月27日（星期日）、10月10日（星期六）上班" — 9/27 omitted by holiday-calendar' },
  '2011-12-31': { ours: true, reason: '国办发明电〔2011〕45号: "2011年12月31日（星期六）上班" — omitted by holiday-calendar' },
  '2015-01-04': { ours: true, reason: '国办发明电〔2014〕28号: 元旦 "1月4日（星期日）上班" — omitted by holiday-calendar' },
  '2016-04-02': { ours: false, reason: '国办发明电〔2015〕18号: 清明 "4月4日放假，与周末连休" (no 调休) — holiday-calendar marks 4/2 as 清明节补班' },
  '2018-06-16': { ours: false, reason: '国办发明电〔2017〕12号: 端午 "6月18日放假，与周末连休" (no 调休) — holiday-calendar marks 6/16 as 端午节补班' },
  '2018-09-22': { ours: false, reason: '国办发明电〔2017〕12号: 中秋 "9月24日放假，与周末连休" (no 调休) — holiday-calendar marks 9/22 as 中秋节补班' },
  // The next two are in holiday-calendar's data (data/CN/2019.json) but its isWorkday looks a date up only in the file
  // of the date's own year, so the 2019 元旦 block's December days are never found.
  '2018-12-29': { ours: true, reason: '国办发明电〔2018〕15号: "2018年12月29日（星期六）上班" — stored in 2019.json, not found by a 2018 lookup' },
  '2018-12-31': { ours: false, reason: '国办发明电〔2018〕15号: "2018年12月30日至2019年1月1日放假调休" — stored in 2019.json, not found by a 2018 lookup' },
};

describe('cross-check against holiday-calendar (every date 2008–2026)', () => {
  it('agrees on every date except the documented disagreements', async () => {
    const disagreements: Record<IsoDate, boolean> = {};
    let checked = 0;
    for (let d = '2008-01-01'; d <= '2026-12-31'; d = addCalendarDays(d, 1)) {
      const ours = isWorkingDay(d, SHIPPED_CALENDAR);
      const theirs = await holidayCalendar.isWorkday('CN', d);
      if (ours !== theirs) disagreements[d] = ours;
      checked++;
    }
    expect(checked).toBe(6940);
    expect(disagreements).toEqual(Object.fromEntries(Object.entries(KNOWN_DISAGREEMENTS).map(([d, { ours }]) => [d, ours])));
  });
});
