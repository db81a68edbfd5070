import { describe, expect, it } from 'vitest';
import { dueText } from './due-countdown.js';
import { filtersToParams, parseFilters } from './filter-params.js';
import { groupOutcomeCounts } from '../dashboard/year-stats.js';

describe('dueText (countdown in working days)', () => {
  it.each([
    { info: { workingDaysLeft: 12, dueState: 'on_time' as const }, text: '剩余 12 个工作日' },
    { info: { workingDaysLeft: 2, dueState: 'due_soon' as const }, text: '剩余 2 个工作日' },
    { info: { workingDaysLeft: 0, dueState: 'due_soon' as const }, text: '今日到期' },
    { info: { workingDaysLeft: -3, dueState: 'overdue' as const }, text: '已超期 3 个工作日' },
    { info: { workingDaysLeft: 7, dueState: 'on_time' as const, paused: true }, text: '计时暂停（剩余 7 个工作日）' },
    { info: { workingDaysLeft: null, dueState: null }, text: null },
  ])('$text', ({ info, text }) => {
    expect(dueText(info)).toBe(text);
  });
});

describe('request list filters in the URL', () => {
  it('round-trips every filter', () => {
    const f = { state: ['in_progress', 'consulting'], departmentId: 3, dueWithinDays: 3, overdue: true, year: 2024, applicantType: 'commercial', channel: 'letter', q: '土地', page: 2, pageSize: 50, sort: 'due' as const };
    expect(parseFilters(new URLSearchParams(filtersToParams(f)))).toEqual(f);
  });

  it('leaves defaults out of the URL and ignores junk', () => {
    expect(filtersToParams({ page: 1, pageSize: 20 })).toEqual({});
    expect(parseFilters(new URLSearchParams('year=abc&sort=bogus&overdue=yes'))).toEqual({});
  });
});

describe('groupOutcomeCounts (dashboard chart, statutory table groups)', () => {
  it('sums outcomes into 予以公开…其他处理 in table order and keeps the 2008 group only when used', () => {
    const groups = groupOutcomeCounts([
      { outcome: 'disclosed', count: 5 }, { outcome: 'already_public', count: 2 }, { outcome: 'withheld_third_party', count: 1 },
      { outcome: 'not_processed_duplicate', count: 3 }, { outcome: 'other_no_supplement', count: 1 },
    ]);
    expect(groups.map((g) => [g.label, g.count])).toEqual([['予以公开', 7], ['部分公开', 0], ['不予公开', 1], ['无法提供', 0], ['不予处理', 3], ['其他处理', 1]]);
    expect(groupOutcomeCounts([{ outcome: 'legacy_not_exist', count: 4 }]).at(-1)).toEqual({ key: 'legacy', label: '2008年条例答复类型', count: 4 });
  });
});
