import { Tag, Tooltip } from 'antd';
import type { DueState } from '../../api/types.js';
import { formatDate } from '../../components/format.js';

export interface DueInfo {
  workingDaysLeft: number | null;
  dueState: DueState | null;
  dueOn?: string | null;
  paused?: boolean;
  provisional?: boolean;
}

/** Text of a countdown in working days: "剩余 N 个工作日", "今日到期", "已超期 N 个工作日", "计时暂停". */
export function dueText({ workingDaysLeft, dueState, paused }: DueInfo): string | null {
  if (workingDaysLeft === null || dueState === null) return null;
  if (paused) return `计时暂停（剩余 ${workingDaysLeft} 个工作日）`;
  if (dueState === 'overdue') return `已超期 ${Math.abs(workingDaysLeft)} 个工作日`;
  if (workingDaysLeft === 0) return '今日到期';
  return `剩余 ${workingDaysLeft} 个工作日`;
}

/** The deadline countdown as a tag: red when overdue, orange when due soon, plain otherwise. */
export function DueCountdown(props: DueInfo) {
  const text = dueText(props);
  if (!text) return <span style={{ color: '#9ca3af' }}>—</span>;
  const color = props.paused ? 'default' : props.dueState === 'overdue' ? 'red' : props.dueState === 'due_soon' ? 'orange' : 'green';
  const tip = [props.dueOn ? `答复期限：${formatDate(props.dueOn)}` : null, props.provisional ? '期限跨入尚未载入节假日安排的年份，暂按法定节假日和周末推算（暂定）' : null].filter(Boolean).join('；');
  const tag = <Tag color={color} style={{ marginInlineEnd: 0 }}>{text}{props.provisional ? '（暂定）' : ''}</Tag>;
  return tip ? <Tooltip title={tip}>{tag}</Tooltip> : tag;
}
