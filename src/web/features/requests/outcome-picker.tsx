import { Select } from 'antd';
import type { Outcome } from '../../../core/requests/outcomes.js';
import { outcomeOptionGroups } from './outcome-options.js';

/** The 办理结果 picker, grouped and numbered as in the statutory annual-report table. */
export function OutcomePicker({ value, onChange, regime = '2019', only, id, disabled }: {
  value?: Outcome;
  onChange?: (v: Outcome) => void;
  regime?: '2008' | '2019';
  only?: readonly Outcome[];
  id?: string;
  disabled?: boolean;
}) {
  const groups = outcomeOptionGroups(regime, only);
  return (
    <Select<Outcome>
      id={id}
      value={value}
      onChange={onChange}
      disabled={disabled}
      placeholder="请选择办理结果"
      showSearch={{ optionFilterProp: 'title' }}
      optionLabelProp="title"
      listHeight={360}
      options={groups.map((g) => ({ label: g.label, options: g.options.map((o) => ({ value: o.value, label: o.label, title: o.title })) }))}
      style={{ width: '100%' }}
      aria-label="办理结果"
    />
  );
}
