import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { OFFICE_REPLY_OUTCOMES } from '../../../core/requests/apply-event.js';
import { outcomeOptionGroups } from './outcome-options.js';
import { OutcomePicker } from './outcome-picker.js';
import { renderWithApp, stubApi } from '../../test-utils.js';

afterEach(() => cleanup());

describe('outcomeOptionGroups', () => {
  it('follows the statutory table 三（一）…（六） for requests under the 2019 条例', () => {
    const groups = outcomeOptionGroups('2019');
    expect(groups.map((g) => g.label)).toEqual(['（一）予以公开', '（二）部分公开', '（三）不予公开', '（四）无法提供', '（五）不予处理', '（六）其他处理']);
    expect(groups[0].options.map((o) => o.value)).toEqual(['already_public', 'disclosed']);
    expect(groups[2].options.map((o) => o.label)).toEqual([
      '1. 属于国家秘密', '2. 其他法律行政法规禁止公开', '3. 危及“三安全一稳定”', '4. 保护第三方合法权益',
      '5. 属于三类内部事务信息', '6. 属于四类过程性信息', '7. 属于行政执法案卷', '8. 属于行政查询事项',
    ]);
    expect(groups[2].options[0].title).toBe('不予公开-属于国家秘密');
    expect(groups[5].options.map((o) => o.value)).toEqual(['other_no_supplement', 'other_unpaid_fee', 'other']);
    expect(groups.flatMap((g) => g.options).some((o) => o.value.startsWith('legacy_'))).toBe(false);
  });

  it('adds the 2008 reply types for requests received before 2019-05-15', () => {
    const groups = outcomeOptionGroups('2008');
    expect(groups.at(-1)?.label).toBe('2008年条例答复类型（历史数据）');
    expect(groups.at(-1)?.options.map((o) => o.value)).toContain('legacy_not_exist');
    expect(groups[0].options[0].title).toBe('已主动公开（属于已主动公开范围）');
  });

  it('keeps only the office replies before assignment, dropping empty groups', () => {
    const groups = outcomeOptionGroups('2019', OFFICE_REPLY_OUTCOMES);
    expect(groups.map((g) => g.label)).toEqual(['（一）予以公开', '（五）不予处理']);
    expect(groups[1].options.map((o) => o.value)).toEqual(['not_processed_petition', 'not_processed_duplicate', 'not_processed_publication', 'not_processed_excessive', 'not_processed_confirmation']);
  });
});

describe('<OutcomePicker>', () => {
  it('lists the outcomes under their group headings', async () => {
    stubApi({});
    renderWithApp(<OutcomePicker />);
    fireEvent.mouseDown(screen.getByRole('combobox'));
    const list = await screen.findByRole('listbox');
    expect(list).toBeTruthy();
    // The virtual list renders the first rows: group heading, then its options.
    const popup = document.querySelector('.ant-select-dropdown') as HTMLElement;
    expect(within(popup).getByText('（一）予以公开')).toBeTruthy();
    expect(within(popup).getByText('已主动公开')).toBeTruthy();
    expect(within(popup).getByText('（三）不予公开')).toBeTruthy();
    expect(within(popup).getByText('1. 属于国家秘密')).toBeTruthy();
  });
});
