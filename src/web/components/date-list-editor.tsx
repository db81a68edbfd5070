import { Button, DatePicker, Empty, Space, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { dayjs } from '../locale.js';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** All dates from `from` to `to` inclusive, as YYYY-MM-DD. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let d = dayjs(from);
  const end = dayjs(to);
  while (!d.isAfter(end, 'day') && out.length < 400) {
    out.push(d.format('YYYY-MM-DD'));
    d = d.add(1, 'day');
  }
  return out;
}

/**
 * Edits a list of dates (e.g. the holidays or 调休 working days of one year): add a day or a range, remove with ×.
 * Dates are kept sorted and unique; `year` limits what can be picked.
 */
export function DateListEditor({ value = [], onChange, year, color, weekendsOnly = false, ariaLabel }: {
  value?: string[];
  onChange?: (v: string[]) => void;
  year: number;
  color?: string;
  weekendsOnly?: boolean;
  ariaLabel: string;
}) {
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const set = (dates: string[]) => onChange?.([...new Set(dates)].sort());
  const outOfYear = (d: Dayjs) => d.year() !== year || (weekendsOnly && d.day() !== 0 && d.day() !== 6);
  return (
    <div aria-label={ariaLabel} role="group">
      <Space wrap style={{ marginBottom: 8 }}>
        <DatePicker.RangePicker
          value={range}
          onChange={(r) => setRange(r as [Dayjs | null, Dayjs | null] | null)}
          disabledDate={(d) => d.year() !== year}
          defaultPickerValue={[dayjs(`${year}-01-01`), dayjs(`${year}-01-01`)]}
          placeholder={['开始日期', '结束日期']}
          aria-label={`${ariaLabel}：选择日期范围`}
        />
        <Button
          disabled={!range?.[0] || !range?.[1]}
          onClick={() => {
            if (!range?.[0] || !range?.[1]) return;
            const added = datesBetween(range[0].format('YYYY-MM-DD'), range[1].format('YYYY-MM-DD')).filter((d) => !outOfYear(dayjs(d)));
            set([...value, ...added]);
            setRange(null);
          }}
        >
          添加
        </Button>
      </Space>
      {value.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无日期" style={{ margin: '8px 0' }} />
      ) : (
        <Space size={[4, 6]} wrap>
          {value.map((d) => (
            <Tag key={d} color={color} closable onClose={(e) => { e.preventDefault(); set(value.filter((x) => x !== d)); }} style={{ marginInlineEnd: 0 }}>
              {d.slice(5)} 周{WEEKDAYS[dayjs(d).day()]}
            </Tag>
          ))}
        </Space>
      )}
    </div>
  );
}
