import { Timeline, Typography } from 'antd';
import type { RequestDetail } from '../../api/types.js';
import { formatDate, formatDateTime } from '../../components/format.js';
import { useDepartments } from './use-requests.js';

const COLORS: Record<string, string> = {
  replied: 'green', delivered: 'green', closed: 'gray', reply_approved: 'green', secrecy_review_passed: 'green',
  reply_returned: 'red', secrecy_review_rejected: 'red', supplement_expired: 'red', fee_expired: 'red', withdrawn: 'red',
  supplement_requested: 'orange', extension_approved: 'orange', consultation_started: 'orange', fee_notice_issued: 'orange',
  reasons_requested: 'orange', delay_set: 'orange', consultation_prolonged: 'orange', reasons_expired: 'red',
};

/**
 * The append-only event log of a request, oldest first: legal date, action, the derived note from core (e.g. the new
 * due date) and who recorded it when.
 */
export function RequestTimeline({ detail }: { detail: RequestDetail }) {
  const history = detail.view.history;
  const departments = useDepartments().data ?? [];
  const deptName = (id: unknown) => departments.find((d) => String(d.id) === String(id))?.name ?? String(id);
  /** The core notes name departments by id; show their names. */
  const noteOf = (type: string, payload: Record<string, unknown> | null, note: string | undefined) => {
    if (type === 'assigned' && payload && payload.lead !== undefined) {
      const assisting = Array.isArray(payload.assisting) ? payload.assisting.map(deptName) : [];
      return `主办：${deptName(payload.lead)}${assisting.length ? `；协办：${assisting.join('、')}` : ''}`;
    }
    return note;
  };
  const items = detail.timeline.map((e, i) => {
    const h = history.length === detail.timeline.length ? history[i] : undefined;
    const note = noteOf(e.type, e.payload, h?.note);
    return {
      key: e.seq,
      color: COLORS[e.type] ?? 'blue',
      content: (
        <div>
          <Typography.Text strong>{formatDate(e.on)}　{e.label}</Typography.Text>
          {note && <div className="gk-pre" style={{ color: '#374151' }}>{note}</div>}
          {h?.clockChanged && h.dueOnAfter && <div style={{ color: '#b45309', fontSize: 12 }}>答复期限调整为 {formatDate(h.dueOnAfter)}</div>}
          {h?.clockChanged && !h.dueOnAfter && detail.state !== 'closed' && <div style={{ color: '#6b7280', fontSize: 12 }}>答复期限暂停计算</div>}
          <div style={{ color: '#9ca3af', fontSize: 12 }}>{e.actorName ?? '系统'} · {formatDateTime(e.at)}</div>
        </div>
      ),
    };
  });
  if (items.length === 0) return <Typography.Text type="secondary">暂无办理记录</Typography.Text>;
  return <Timeline items={items} />;
}
