import { Tag } from 'antd';
import { stateColor, stateLabel } from './labels.js';

/** A request's state as a coloured tag (label and colour from core/requests/states). */
export function RequestStateTag({ state, label, color }: { state: string; label?: string; color?: string }) {
  return <Tag color={color ?? stateColor(state)} style={{ marginInlineEnd: 0 }}>{label ?? stateLabel(state)}</Tag>;
}
