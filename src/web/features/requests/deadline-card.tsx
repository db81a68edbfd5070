import { Descriptions, Typography } from 'antd';
import type { RequestDetail } from '../../api/types.js';
import { CONSULTATION_OPINION_LABELS, FEE_BASIS_LABELS } from '../../../core/requests/events.js';
import { formatDate } from '../../components/format.js';
import { DueCountdown } from './due-countdown.js';

const FEE_STATUS: Record<string, string> = { pending: '待缴费', paid: '已缴费', waived: '已撤回', expired: '逾期未缴' };

/** Everything about the clock: receipt date, current period start, due dates, extension, pauses, 补正, fee. */
export function DeadlineDetails({ detail }: { detail: RequestDetail }) {
  const v = detail.view;
  const d = v.deadline;
  const items = [
    { key: 'recv', label: '收到申请之日', children: formatDate(v.receivedOn) ?? '待确认' },
    ...(v.clockStartOn && v.clockStartOn !== v.receivedOn ? [{ key: 'start', label: '期限起算日', children: `${formatDate(v.clockStartOn)}（收到补正）` }] : []),
    { key: 'regime', label: '适用规定', children: v.regime === '2008' ? '2008年条例（15+15个工作日）' : '2019年条例（20+20个工作日）' },
    ...(d ? [
      { key: 'base', label: '法定答复期限', children: formatDate(d.baseDueOn) ?? '计时暂停' },
      ...(d.extensionDays ? [{ key: 'ext', label: '延期', children: `${d.extensionDays}个工作日，延至 ${formatDate(d.dueOn) ?? '—'}` }] : []),
      ...(d.pausedWorkingDays ? [{ key: 'paused', label: '不计入期限', children: `${d.pausedWorkingDays}个工作日（征求意见、缴费期间）` }] : []),
      ...(d.pausedSince ? [{ key: 'ps', label: '暂停计时', children: `自${formatDate(d.pausedSince)}起，剩余 ${d.remainingWorkingDays ?? '—'} 个工作日` }] : []),
    ] : []),
    ...(detail.due ? [{ key: 'left', label: '剩余时间', children: <DueCountdown workingDaysLeft={detail.due.workingDaysLeft} dueState={detail.due.state} dueOn={detail.due.dueOn} paused={detail.due.paused} provisional={d?.provisional} /> }] : []),
    ...(v.extension.requested ? [{ key: 'extreq', label: '待批延期', children: `${v.extension.requested.days}个工作日：${v.extension.requested.reason}` }] : []),
    ...(v.supplement ? [{ key: 'sup', label: v.supplementCount > 1 ? `补正（第${v.supplementCount}次）` : '补正', children: `${formatDate(v.supplement.requestedOn)}告知${v.supplement.noticeReceivedOn ? `，${formatDate(v.supplement.noticeReceivedOn)}送达` : ''}，期限至${formatDate(v.supplement.expiresAfter ?? v.supplement.dueOn)}${v.supplement.expiresAfter ? '' : '（告知书载明；送达后按收到日期计算）'}；${v.supplement.receivedOn ? `${formatDate(v.supplement.receivedOn)}收到` : v.supplement.expiredOn ? '逾期未补正' : '等待补正'}` }] : []),
    ...(v.excessive ? [{ key: 'art35', label: '说明理由', children: `${formatDate(v.excessive.requestedOn)}要求于${formatDate(v.excessive.replyByOn)}前说明；${v.excessive.finding === null ? '等待说明' : v.excessive.finding === 'not_given' ? '逾期未说明' : `${formatDate(v.excessive.answeredOn)}收到，${v.excessive.finding === 'reasonable' ? '理由合理' : '理由不合理'}`}${v.excessive.delayedDueOn ? `；延迟答复至${formatDate(v.excessive.delayedDueOn)}` : ''}` }] : []),
    ...v.consultations.map((c, i) => ({
      key: `c${i}`, label: `征求${c.party === 'third_party' ? '第三方' : '机关'}意见`,
      children: `${c.name}：${formatDate(c.startedOn)}发出${c.letterReceivedOn ? `，${formatDate(c.letterReceivedOn)}收到` : '（对方收到日期未登记）'}${c.pauseLimitOn ? `，意见期限至${formatDate(c.pauseLimitOn)}` : ''}${c.prolongReason ? `（已延长：${c.prolongReason}）` : ''}；${c.endedOn ? `${formatDate(c.endedOn)}结束${c.opinion ? `（${CONSULTATION_OPINION_LABELS[c.opinion]}）` : ''}` : '进行中'}`,
    })),
    ...(v.fee ? [{ key: 'fee', label: '信息处理费', children: `${v.fee.amountYuan}元（${FEE_BASIS_LABELS[v.fee.basis]}），${FEE_STATUS[v.fee.status] ?? v.fee.status}；${v.fee.paymentDueOn ? `缴费期限至${formatDate(v.fee.paymentDueOn)}${v.fee.paymentDuePresumed ? '（按推定送达日）' : ''}` : '缴费期限自申请人收到通知次日起20个工作日（送达日期未登记）'}` }] : []),
    ...(v.repliedOn ? [{ key: 'rep', label: '答复日期', children: `${formatDate(v.repliedOn)}${v.timeliness ? `（${v.timeliness === 'on_time' ? '按时办结' : v.timeliness === 'extended' ? '延期办结' : '逾期答复'}）` : ''}` }] : []),
    ...(v.deliveredOn ? [{ key: 'del', label: '送达日期', children: formatDate(v.deliveredOn) }] : []),
  ];
  return (
    <>
      <Descriptions column={1} size="small" styles={{ label: { width: 116, whiteSpace: 'nowrap' } }} items={items} />
      {d?.provisional && <Typography.Text type="warning" style={{ fontSize: 12 }}>期限跨入尚未载入节假日安排的年份，暂按法定节假日和周末推算（暂定），载入后自动重算。</Typography.Text>}
    </>
  );
}
