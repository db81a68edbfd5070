import type { ReactNode } from 'react';
import { Alert, Checkbox, DatePicker, Form, Input, InputNumber, Radio, Select, Typography, type FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { EVENT_LABELS, CONSULTED_PARTY_LABELS, CONSULTATION_OPINION_LABELS, DELIVERY_METHOD_LABELS, FEE_BASIS_LABELS, REASONS_FINDING_LABELS, type EventType } from '../../../core/requests/events.js';
import { OUTCOME_LABELS, type Outcome } from '../../../core/requests/outcomes.js';
import { calculateFee, FEE_STANDARD_TEXT, type FeeBasis, type FeeCalculation } from '../../../core/fees/calculate-fee.js';
import { defaultLegalBasis } from '../../../core/requests/default-legal-basis.js';
import { OFFICE_REPLY_OUTCOMES } from '../../../core/requests/apply-event.js';
import type { Department, RequestDetail } from '../../api/types.js';
import { dayjs } from '../../locale.js';
import { formatDate } from '../../components/format.js';
import { OutcomePicker } from './outcome-picker.js';
import { useFeeCount, useNoticePreview } from './use-requests.js';
import { NoticeFrame } from '../../components/notice-frame.js';
import { errorMessage } from '../../api/client.js';
import { PARTIAL_WITHHELD_GROUNDS, PARTIAL_WITHHELD_GROUND_LABELS, THIRD_PARTY_RIGHTS, THIRD_PARTY_RIGHT_LABELS } from '../../../core/notices/types.js';

/** Values of an action form; `on` is the legal date of the fact (defaults to today, never in the future). */
export type ActionValues = Record<string, unknown> & { on?: Dayjs };

export interface ActionContext {
  detail: RequestDetail;
  departments: Department[];
  form: FormInstance<ActionValues>;
}

export interface ActionDef {
  /** Button text */
  label: string;
  /** Emphasis of the button: the step that moves the request forward is primary. */
  kind?: 'primary' | 'danger' | 'default';
  /** Legal hint shown at the top of the form. */
  hint?: (d: RequestDetail) => ReactNode;
  /** Fields besides the date. */
  fields?: (c: ActionContext) => ReactNode;
  initial?: (d: RequestDetail) => Record<string, unknown>;
  /** Event fields from the form values (the date is added by the caller). */
  toEvent?: (v: ActionValues, d: RequestDetail) => Record<string, unknown>;
  /** Label of the date field; null = the action has no date of its own. */
  dateLabel?: string | null;
  /** Wider modal for long forms. */
  wide?: boolean;
}

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const optionalText = (v: unknown) => (text(v) ? text(v) : undefined);
const iso = (d: unknown) => (dayjs.isDayjs(d) ? d.format('YYYY-MM-DD') : undefined);

const required = (message: string) => [{ required: true, whitespace: true, message }];

const deptOptions = (departments: Department[]) => departments.filter((d) => d.active).map((d) => ({ value: String(d.id), label: d.name }));

const DELIVERY_FROM_REQUEST: Record<string, string> = { post: 'post', email: 'email', online: 'online', pickup: 'in_person' };

/** Outcomes for which the draft names the third party whose rights are concerned (Arts.15, 32). */
const THIRD_PARTY_OUTCOMES: readonly Outcome[] = ['withheld_third_party', 'partly_disclosed', 'disclosed'];

/** The fee of the form's quantity, computed by core (国办函〔2020〕109号 Arts.4–5), or null while incomplete. */
function feeOf(v: ActionValues): FeeCalculation | null {
  try {
    if (v.basis === 'per_page' && Number(v.pages) >= 1) return calculateFee({ basis: 'per_page', pages: Number(v.pages) });
    if (v.basis === 'per_request' && Number(v.nthInMonth) >= 1) return calculateFee({ basis: 'per_request', nthInMonth: Number(v.nthInMonth) });
  } catch { /* incomplete input */ }
  return null;
}

/**
 * 收费通知: the basis, the quantity it is computed from, the amount (by core, never typed by hand) and how to pay.
 * 按件计收 counts the applicant's requests of the month in receipt order, matched by ID number / credit code; a
 * same-name request without one counts only if the handler ticks it as the same person (`sameApplicantRefs`).
 */
function FeeFields({ form, requestId }: { form: FormInstance<ActionValues>; requestId: number }) {
  const values = Form.useWatch([], form) ?? {};
  const basis = (values.basis as FeeBasis | undefined) ?? 'per_request';
  const count = useFeeCount(requestId, basis === 'per_request');
  const confirmed = (values.sameApplicantRefs as string[] | undefined) ?? [];
  const nth = count.data ? 1 + count.data.matched.length + confirmed.length : undefined;
  const calc = feeOf(basis === 'per_request' ? { ...values, nthInMonth: nth } : values);
  return (
    <>
      <Form.Item name="basis" label="计费方式" rules={[{ required: true }]} extra={FEE_STANDARD_TEXT[basis]}>
        <Radio.Group options={Object.entries(FEE_BASIS_LABELS).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      {basis === 'per_page' ? (
        <Form.Item name="pages" label="提供信息的页数" rules={[{ required: true, message: '请填写页数' }]}>
          <InputNumber min={1} max={1_000_000} precision={0} suffix="页" style={{ width: 200 }} />
        </Form.Item>
      ) : (
        <>
          {count.data && count.data.toConfirm.length > 0 && (
            <Form.Item name="sameApplicantRefs" label="同名申请：是否为同一申请人？"
              extra={`${count.data.hasId ? '这些申请没有登记与本申请相同的' : '本申请人未提供'}身份证件号码或统一社会信用代码，不能仅凭姓名认定为同一申请人。请核对后勾选确属同一申请人的申请（未勾选的不计入）。`}>
              <Checkbox.Group options={count.data.toConfirm.map((x) => ({ value: x.ref, label: `${x.ref}（${formatDate(x.receivedOn)}收到，${x.applicantName}）` }))} />
            </Form.Item>
          )}
          <Form.Item label="本申请是该申请人本月第几件申请（按收到日期计算）">
            {count.isError ? <Typography.Text type="danger">{errorMessage(count.error)}</Typography.Text>
              : <Typography.Text strong>{nth !== undefined ? `第 ${nth} 件` : '正在计算…'}</Typography.Text>}
            {count.data && count.data.matched.length > 0 && (
              <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>含证件号码相同的申请：{count.data.matched.map((x) => x.ref).join('、')}</Typography.Text>
            )}
          </Form.Item>
        </>
      )}
      <Form.Item label="应缴金额" required
        validateStatus={calc && calc.amountYuan === 0 ? 'error' : undefined}
        help={calc && calc.amountYuan === 0 ? '按所填数量属于免费档，不收取信息处理费，无需发出收费通知' : undefined}>
        <Typography.Text strong style={{ fontSize: 18 }}>{calc ? `${calc.amountYuan.toLocaleString('zh-CN')} 元` : '—'}</Typography.Text>
        {calc && calc.amountYuan > 0 && (
          <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
            {calc.breakdown.filter((b) => b.count > 0).map((b) => `${b.from}–${b.to}${basis === 'per_page' ? '页' : '件'}×${b.unitYuan}元`).join('＋')}
          </Typography.Text>
        )}
      </Form.Item>
      <Form.Item name="paymentMethod" label="缴纳方式" rules={required('请写明缴纳方式')}>
        <Input />
      </Form.Item>
      <NoticeDeliveryField what="收费通知" />
      <Form.Item name="noticeReceivedOn" label="申请人收到通知日期（当面送达等已知时填写）" extra="缴费期限自申请人收到通知次日起计算；不知道时请在收到送达回证后“登记收费通知送达”。">
        <DatePicker style={{ width: 220 }} disabledDate={(x) => x.isAfter(dayjs(), 'day')} />
      </Form.Item>
    </>
  );
}

/** How a notice whose period runs from its receipt is sent (for the office's presumed-delivery setting). */
function NoticeDeliveryField({ what }: { what: string }) {
  return (
    <Form.Item name="deliveryMethod" label={`${what}送达方式`}>
      <Radio.Group options={Object.entries(DELIVERY_METHOD_LABELS).map(([value, label]) => ({ value, label }))} />
    </Form.Item>
  );
}

/** The open consultations to pick from (name), when more than one is open. */
function OpenConsultationField({ detail, extra }: { detail: RequestDetail; extra?: string }) {
  const open = detail.view.consultations.filter((c) => c.endedOn === null);
  return (
    <Form.Item name="name" label="征求意见对象" rules={[{ required: true, message: '请选择哪一项征求意见' }]} extra={extra}>
      <Select options={open.map((c) => ({ value: c.name, label: `${c.name}（${CONSULTED_PARTY_LABELS[c.party]}，${formatDate(c.startedOn)}发出${c.pauseLimitOn ? `，意见期限至${formatDate(c.pauseLimitOn)}` : ''}）` }))} />
    </Form.Item>
  );
}

const onlyOpenConsultation = (d: RequestDetail) => {
  const open = d.view.consultations.filter((c) => c.endedOn === null);
  return open.length === 1 ? open[0].name : undefined;
};

/** Outcomes whose reply tells how the information is provided or obtained (条例 Art.36(一)(二), Art.37, Art.39). */
const PROVISION_OUTCOMES: readonly Outcome[] = ['already_public', 'disclosed', 'partly_disclosed', 'not_processed_petition', 'not_processed_publication'];
/** Grounds of the withheld part of a 部分公开 (Art.37): they decide the legal basis and 复议前置 (core/notices). */
const WITHHELD_GROUND_OPTIONS = PARTIAL_WITHHELD_GROUNDS.map((g) => ({ value: g, label: PARTIAL_WITHHELD_GROUND_LABELS[g] }));

/** The 答复书 the reviewer is approving, exactly as it will be issued (only the 文号 and date are added when sent). */
function ApprovalPreview({ requestId, outcome }: { requestId: number; outcome: string }) {
  const q = useNoticePreview(requestId, 'reply');
  return (
    <div>
      <Typography.Paragraph>办理结果：{outcome}。请审核下面的答复书全文（发出时只加文号和日期；审核后文字如有变化，系统将拒绝发出并要求重新审核）。审核通过后交保密审查。</Typography.Paragraph>
      {q.isPending && <Typography.Text type="secondary">正在生成答复书…</Typography.Text>}
      {q.isError && <Alert type="error" showIcon title="答复书不能生成" description={errorMessage(q.error)} />}
      {q.data && <NoticeFrame html={q.data.html} title="答复书（审核稿）" minHeight={240} />}
    </div>
  );
}

/** A stored `partial` (grounds as a list, or the older single `withheldGround`) as the form's values. */
function partialInitial(p: unknown): Record<string, unknown> | undefined {
  if (!p || typeof p !== 'object') return undefined;
  const { withheldGround, withheldGrounds, ...rest } = p as Record<string, unknown>;
  const grounds = Array.isArray(withheldGrounds) ? withheldGrounds : withheldGround ? [withheldGround] : undefined;
  return { ...rest, withheldGrounds: grounds };
}

/** How the information will be provided, from the applicant's chosen delivery method (条例 Art.29(三), Art.40). */
export function defaultProvisionMethod(deliveryMethod: string | null): string {
  switch (deliveryMethod) {
    case 'online': return '通过本机关政府信息公开平台“进度查询”在线提供电子文本';
    case 'email': return '以电子邮件方式发送至申请人提供的电子邮箱';
    case 'post': return '以邮寄方式寄送至申请人提供的通信地址';
    case 'pickup': return '请申请人持本答复书到本机关办公地点领取';
    default: return '';
  }
}

/**
 * The reply-drafting fields: grouped outcome picker, legal basis pre-filled from core, reasons, and what the
 * 答复书 of the outcome must state (how the information is provided, the parts withheld, the earlier reply…).
 */
function ReplyDraftFields({ detail, form }: ActionContext) {
  const regime = detail.view.regime;
  const outcome = Form.useWatch<Outcome | undefined>('outcome', form);
  const onlyOffice = detail.state === 'registered' ? OFFICE_REPLY_OUTCOMES : undefined;
  const hasThirdPartyConsultation = detail.view.consultations.some((c) => c.party === 'third_party');
  const showThirdParty = outcome !== undefined && (outcome === 'withheld_third_party' || (hasThirdPartyConsultation && THIRD_PARTY_OUTCOMES.includes(outcome)));
  const showOtherAgency = outcome === 'unavailable_not_held' || outcome === 'legacy_not_this_agency' || outcome === 'withheld_query_matter';
  const showProvision = outcome !== undefined && PROVISION_OUTCOMES.includes(outcome);
  const provisionRequired = outcome === 'disclosed' || outcome === 'partly_disclosed';
  const reasonsOptional = outcome === undefined || ['disclosed', 'already_public', 'unavailable_needs_creation', 'unavailable_unclear', 'not_processed_petition', 'not_processed_duplicate', 'not_processed_publication', 'not_processed_confirmation', 'other'].includes(outcome)
    || (outcome === 'unavailable_not_held' && !text(form.getFieldValue(['otherAgency', 'name'])));
  const reasonsLabel = outcome === 'partly_disclosed' ? '不予公开部分的理由' : outcome?.startsWith('withheld_') ? '不予公开的理由' : reasonsOptional ? '具体说明（可选）' : '理由';
  return (
    <>
      {onlyOffice && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title="尚未分派承办单位：只能直接作出已主动公开、不予处理类答复；其他答复请先分派承办单位检索办理。" />
      )}
      <Form.Item name="outcome" label="办理结果" rules={[{ required: true, message: '请选择办理结果' }]}>
        <OutcomePicker
          regime={regime}
          only={onlyOffice}
          onChange={(o) => {
            form.setFieldValue('outcome', o);
            if (!form.isFieldTouched('legalBasis') || !text(form.getFieldValue('legalBasis'))) form.setFieldValue('legalBasis', defaultLegalBasis(o, regime));
            if ((o === 'disclosed' || o === 'partly_disclosed') && !text(form.getFieldValue(['provision', 'method']))) form.setFieldValue(['provision', 'method'], defaultProvisionMethod(detail.deliveryMethod));
          }}
        />
      </Form.Item>
      {outcome === 'not_processed_excessive' && detail.view.excessive?.finding !== 'unreasonable' && detail.view.excessive?.finding !== 'not_given' && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="条例第三十五条：须先“要求说明理由”，申请人逾期未说明或理由经审查不合理的，方可不予处理；理由合理的，可“确定延迟答复期限”。" />
      )}
      <Form.Item name="legalBasis" label="法律依据" rules={required('请填写法律依据（条、款、项）')}
        extra={outcome === 'withheld_prohibited_by_law' ? '请写明禁止公开的法律、行政法规名称及条款，如《中华人民共和国统计法》第三十九条' : outcome === 'withheld_query_matter' ? '请写明有特别规定的法律、行政法规，如《不动产登记暂行条例》第二十七条' : '答复书中的条例条款由系统按办理结果生成（审核人看到的就是发出的文本）；此处可补充其他法律、行政法规的具体条款'}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
      </Form.Item>
      {outcome === 'partly_disclosed' && (
        <>
          <Form.Item name={['partial', 'disclosedPart']} label="可以公开的部分"><Input placeholder="如：补偿安置方案正文" /></Form.Item>
          <Form.Item name={['partial', 'withheldPart']} label="不予公开的部分"><Input placeholder="如：附件中被征收户的身份证号码、银行账号" /></Form.Item>
          <Form.Item name={['partial', 'withheldGrounds']} label="不予公开部分的依据" rules={[{ required: true, message: '请选择不予公开部分的依据（决定答复书引用的条款和救济途径）' }]}
            extra="依据第十四至十六条不予公开的，答复书告知应当先申请行政复议；属于行政查询事项或不属于政府信息的，告知可以申请行政复议或提起行政诉讼。">
            <Select mode="multiple" allowClear options={WITHHELD_GROUND_OPTIONS} placeholder="选择不予公开的情形（可多选）" />
          </Form.Item>
        </>
      )}
      <Form.Item
        name="reasons"
        label={reasonsLabel}
        rules={reasonsOptional ? [] : required('请说明理由（条例第三十六条、第三十七条）')}
        extra={outcome === 'partly_disclosed' ? '请对不予公开的部分说明理由（条例第三十七条）' : undefined}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
      {showProvision && (
        <Form.Item label={outcome === 'already_public' ? '获取该信息的方式、途径（条例第三十六条第（一）项）' : provisionRequired ? '提供信息的方式、途径和时间（至少填写一项，条例第三十六条第（二）项）' : '可以提出或获取的途径（可选）'} style={{ marginBottom: 0 }} required={provisionRequired || outcome === 'already_public'}>
          {provisionRequired && (
            <Form.Item name={['provision', 'method']} dependencies={[['provision', 'way'], ['provision', 'time']]}
              rules={[({ getFieldValue }) => ({ validator: async (_r, v) => { if (!text(v) && !text(getFieldValue(['provision', 'way'])) && !text(getFieldValue(['provision', 'time']))) throw new Error('请写明提供方式，或获取的途径和时间'); } })]}>
              <Input prefix={<span style={{ color: "#6b7280" }}>方式：</span>} placeholder="如：以电子邮件方式发送至申请人邮箱" />
            </Form.Item>
          )}
          <Form.Item name={['provision', 'way']} rules={outcome === 'already_public' ? required('请写明获取途径，如网址、栏目或公报期号') : []}>
            <Input prefix={<span style={{ color: "#6b7280" }}>途径：</span>} placeholder={outcome === 'already_public' ? '如：本机关门户网站“政府信息公开—规划计划”栏目（网址：…）' : '如：本机关办公地点（示范市人民路1号）'} />
          </Form.Item>
          {provisionRequired && (
            <Form.Item name={['provision', 'time']}>
              <Input prefix={<span style={{ color: "#6b7280" }}>时间：</span>} placeholder="如：2026年12月1日至12月5日工作时间" />
            </Form.Item>
          )}
        </Form.Item>
      )}
      {outcome === 'not_processed_duplicate' && (
        <Form.Item label="此前作出的答复（条例第三十六条第（六）项）" required style={{ marginBottom: 0 }}>
          <div style={{ display: 'flex', gap: 8 }}>
            <Form.Item name={['previousReply', 'repliedOn']} rules={[{ required: true, message: '请选择此前答复的日期' }]} style={{ flex: 1 }}>
              <DatePicker style={{ width: '100%' }} placeholder="此前答复日期" disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
            <Form.Item name={['previousReply', 'docNumber']} style={{ flex: 1 }}>
              <Input placeholder="此前答复书文号（可选）" />
            </Form.Item>
          </div>
        </Form.Item>
      )}
      {showThirdParty && (
        <Form.Item label="涉及的第三方" style={{ marginBottom: 0 }}>
          <div style={{ display: 'flex', gap: 8 }}>
            <Form.Item name={['thirdParty', 'name']} style={{ flex: 2 }} rules={outcome === 'withheld_third_party' ? required('请填写第三方名称') : []}>
              <Input placeholder="第三方名称" />
            </Form.Item>
            <Form.Item name={['thirdParty', 'opinion']} style={{ flex: 1 }}>
              <Select allowClear placeholder="第三方意见" options={Object.entries(CONSULTATION_OPINION_LABELS).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
          </div>
        </Form.Item>
      )}
      {showOtherAgency && (
        <Form.Item label={outcome === 'withheld_query_matter' ? '受理该事项的机关（可选）' : '负责公开该信息的机关（能够确定的，条例第三十六条第（五）项）'} style={{ marginBottom: 0 }}>
          <div style={{ display: 'flex', gap: 8 }}>
            <Form.Item name={['otherAgency', 'name']} style={{ flex: 1 }}>
              <Input placeholder="机关名称" />
            </Form.Item>
            <Form.Item name={['otherAgency', 'contact']} style={{ flex: 1 }} dependencies={[['otherAgency', 'name']]}
              rules={[({ getFieldValue }) => ({ validator: async (_r, v) => { if (text(getFieldValue(['otherAgency', 'name'])) && !text(v)) throw new Error('请填写该机关的联系方式'); } })]}>
              <Input placeholder="联系方式" />
            </Form.Item>
          </div>
        </Form.Item>
      )}
      <Form.Item name="body" label="答复正文（可选）" extra="不填写时，答复书按办理结果的标准文本生成">
        <Input.TextArea rows={3} />
      </Form.Item>
    </>
  );
}

export const ACTIONS: Partial<Record<EventType, ActionDef>> = {
  registered: {
    label: '确认收到',
    kind: 'primary',
    dateLabel: null,
    hint: (d) => `网上申请以双方确认之日为收到申请之日（条例第三十一条第（三）项）${d.view.submittedOn ? `；本申请于${formatDate(d.view.submittedOn)}网上提交` : ''}。确认后开始计算答复期限。`,
    initial: () => ({ receivedOn: dayjs() }),
    fields: () => (
      <>
        <Form.Item name="receivedOn" label="确认日期（收到申请之日）" rules={[{ required: true, message: '请选择确认日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(x) => x.isAfter(dayjs(), 'day')} allowClear={false} />
        </Form.Item>
        <Form.Item name="evidence" label="确认记录" rules={[{ max: 500 }]}>
          <Input placeholder="如：已电话联系申请人确认；或已发送确认邮件" />
        </Form.Item>
      </>
    ),
    toEvent: (v) => ({ receivedOn: iso(v.receivedOn), evidence: optionalText(v.evidence) }),
  },
  supplement_requested: {
    label: '告知补正',
    hint: (d) => `申请内容不明确的，应自收到申请之日起7个工作日内一次性告知补正，说明需要补正的事项和合理的补正期限；补正期限自申请人收到告知书次日起计算，答复期限自收到补正的申请之日起重新计算（条例第三十条）。${d.view.receivedOn ? `本申请收到日期：${formatDate(d.view.receivedOn)}。` : ''}`,
    initial: (d) => ({ periodDays: 15, deliveryMethod: DELIVERY_FROM_REQUEST[d.deliveryMethod ?? ''] }),
    fields: ({ detail }) => (
      <>
        {detail.view.supplementCount > 0 && (
          <Alert type="warning" showIcon style={{ marginBottom: 12 }}
            title={`本申请已于${formatDate(detail.view.supplement?.requestedOn) ?? ''}告知补正。条例第三十条要求一次性告知：补正后申请内容仍不明确的，请起草答复“无法提供-补正后申请内容仍不明确”。确需再次告知的，须写明理由，并在收到申请之日起7个工作日内发出。`} />
        )}
        <Form.Item name="items" label="需要补正的事项" rules={required('请逐项写明需要补正的事项')}>
          <Input.TextArea rows={4} placeholder="如：1. 请明确所需信息的名称或文号；2. 请补充身份证明复印件。" />
        </Form.Item>
        <Form.Item name="periodDays" label="补正期限（工作日）" rules={[{ required: true, message: '请填写补正期限' }]} extra="告知书载明自告知之日起算的日期；申请人收到告知书较晚的，期限自收到次日起计算，不短于该日期。">
          <InputNumber min={1} max={60} precision={0} suffix="个工作日" style={{ width: 200 }} />
        </Form.Item>
        <NoticeDeliveryField what="补正告知书" />
        {detail.view.supplementCount > 0 && (
          <Form.Item name="justification" label="再次告知补正的理由" rules={required('请写明再次告知补正的理由')}>
            <Input.TextArea rows={2} placeholder="如：补正材料中所述年份与文号相互矛盾，需申请人确认" />
          </Form.Item>
        )}
      </>
    ),
    toEvent: (v) => ({ items: text(v.items), periodDays: Number(v.periodDays), deliveryMethod: v.deliveryMethod || undefined, justification: optionalText(v.justification) }),
  },
  supplement_delivered: {
    label: '登记补正告知送达',
    dateLabel: '申请人收到告知书日期',
    hint: (d) => `补正期限自申请人收到补正告知书次日起计算（条例第三十条）。${d.view.supplement ? `告知书载明${formatDate(d.view.supplement.dueOn)}前补正，共${d.view.supplement.periodDays}个工作日。` : ''}`,
  },
  supplement_received: {
    label: '收到补正',
    kind: 'primary',
    dateLabel: '收到补正日期',
    hint: (d) => `答复期限自收到补正的申请之日起重新计算（条例第三十条）。${d.view.supplement ? `补正期限至${formatDate(d.view.supplement.expiresAfter ?? d.view.supplement.dueOn)}。` : ''}`,
  },
  supplement_expired: {
    label: '登记逾期未补正',
    kind: 'danger',
    hint: (d) => `申请人无正当理由逾期不补正的，视为放弃申请，不再处理（条例第三十条），办理结果记为“其他处理-逾期不补正”。${d.view.supplement ? (d.view.supplement.expiresAfter ? `补正期限至${formatDate(d.view.supplement.expiresAfter)}，期满后方可登记。` : '尚未登记申请人收到告知书的日期，请先“登记补正告知送达”。') : ''}`,
  },
  assigned: {
    label: '分派承办单位',
    kind: 'primary',
    hint: () => '指定一个主办单位，可以同时指定若干协办单位。承办人只能看到分派给本单位的申请。',
    initial: (d) => ({ lead: d.view.departments?.lead, assisting: d.view.departments?.assisting ?? [] }),
    fields: ({ departments, form }) => (
      <>
        <Form.Item name="lead" label="主办单位" rules={[{ required: true, message: '请选择主办单位' }]}>
          <Select options={deptOptions(departments)} showSearch={{ optionFilterProp: 'label' }} placeholder="选择主办单位"
            onChange={(lead: string) => form.setFieldValue('assisting', ((form.getFieldValue('assisting') as string[] | undefined) ?? []).filter((a) => a !== lead))} />
        </Form.Item>
        <Form.Item noStyle dependencies={['lead']}>
          {() => (
            <Form.Item name="assisting" label="协办单位（可多选）">
              <Select mode="multiple" allowClear options={deptOptions(departments).filter((o) => o.value !== form.getFieldValue('lead'))} showSearch={{ optionFilterProp: 'label' }} placeholder="可不选" />
            </Form.Item>
          )}
        </Form.Item>
      </>
    ),
    toEvent: (v) => ({ lead: String(v.lead), assisting: ((v.assisting as string[] | undefined) ?? []).map(String) }),
  },
  reasons_requested: {
    label: '要求说明理由',
    hint: () => '申请公开政府信息的数量、频次明显超过合理范围的，可以要求申请人说明理由（条例第三十五条）。将出具说明理由告知书，载明说明理由的期限。理由不合理的，告知不予处理；理由合理但无法按期答复的，可以确定延迟答复的合理期限。',
    initial: () => ({ periodDays: 10 }),
    fields: () => (
      <>
        <Form.Item name="details" label="数量、频次明显超过合理范围的具体情况（写入告知书）" rules={required('请写明具体情况')}>
          <Input.TextArea rows={3} placeholder="如：申请人2024年10月已向本机关提出同类申请35件，涉及全区全部不动产登记簿" />
        </Form.Item>
        <Form.Item name="periodDays" label="说明理由的期限（工作日）" rules={[{ required: true, message: '请填写期限' }]}>
          <InputNumber min={1} max={30} precision={0} suffix="个工作日" style={{ width: 200 }} />
        </Form.Item>
      </>
    ),
    toEvent: (v) => ({ details: text(v.details), periodDays: Number(v.periodDays) }),
  },
  reasons_received: {
    label: '登记收到申请理由',
    kind: 'primary',
    dateLabel: '收到理由日期',
    hint: (d) => `请对申请人说明的理由作出审查结论（条例第三十五条）。${d.view.excessive ? `说明理由的期限至${formatDate(d.view.excessive.replyByOn)}。` : ''}`,
    fields: () => (
      <>
        <Form.Item name="finding" label="审查结论" rules={[{ required: true, message: '请选择审查结论' }]}>
          <Radio.Group options={Object.entries(REASONS_FINDING_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="summary" label="申请人说明的理由（摘要）">
          <Input.TextArea rows={2} />
        </Form.Item>
      </>
    ),
    toEvent: (v) => ({ finding: v.finding, summary: optionalText(v.summary) }),
  },
  reasons_expired: {
    label: '登记逾期未说明理由',
    kind: 'danger',
    hint: (d) => `申请人逾期未说明理由的，可以告知不予处理（条例第三十五条）。${d.view.excessive ? `说明理由的期限至${formatDate(d.view.excessive.replyByOn)}，期满后方可登记。` : ''}`,
  },
  delay_set: {
    label: '确定延迟答复期限',
    hint: (d) => `申请理由合理，但是无法在法定期限内答复的，可以确定延迟答复的合理期限并告知申请人（条例第三十五条）。将出具延迟答复告知书，答复期限改为所定日期。${d.due?.dueOn ? `当前答复期限：${formatDate(d.due.dueOn)}。` : ''}`,
    fields: () => (
      <>
        <Form.Item name="newDueOn" label="延迟答复期限（在此日期前答复）" rules={[{ required: true, message: '请选择延迟答复期限' }]}>
          <DatePicker style={{ width: 220 }} disabledDate={(x) => !x.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="reason" label="理由（写入延迟答复告知书）" rules={required('请写明无法按期答复的理由')}>
          <Input.TextArea rows={3} placeholder="如：所申请的35件信息分散在三个承办单位的档案中，需逐件检索" />
        </Form.Item>
      </>
    ),
    toEvent: (v) => ({ newDueOn: iso(v.newDueOn), reason: text(v.reason) }),
  },
  consultation_started: {
    label: '征求意见',
    hint: () => '公开可能损害第三方合法权益的，应书面征求第三方意见，第三方自收到征求意见书之日起15个工作日内提出意见（条例第三十二条）；由两个以上机关共同制作的，可以征求相关机关意见，逾期未提出意见的视为同意（第三十四条）。征求意见所需时间不计算在答复期限内（第三十三条），但最长至对方15个工作日期满；请在对方收到后登记收到日期。',
    initial: () => ({ party: 'third_party' }),
    fields: () => (
      <>
        <Form.Item name="party" label="征求意见对象" rules={[{ required: true }]}>
          <Radio.Group options={Object.entries(CONSULTED_PARTY_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="name" label="名称" rules={required('请填写征求意见对象的名称')}>
          <Input placeholder="如：某某房地产开发有限公司" />
        </Form.Item>
        <Form.Item noStyle dependencies={['party']}>
          {({ getFieldValue }) => getFieldValue('party') === 'third_party' && (
            <>
              <Form.Item name="information" label="涉及第三方的信息（将写入征求意见书）" rules={required('请写明所申请信息中涉及该第三方的具体内容')}>
                <Input.TextArea rows={2} placeholder="如：该公司报送的项目成本测算表及报价明细" />
              </Form.Item>
              <Form.Item name="rights" label="可能受损害的权益（条例第十五条）" rules={[{ required: true, message: '请选择可能受损害的第三方权益' }]}>
                <Select mode="multiple" options={THIRD_PARTY_RIGHTS.map((r) => ({ value: r, label: THIRD_PARTY_RIGHT_LABELS[r] }))} placeholder="商业秘密、个人隐私…" />
              </Form.Item>
            </>
          )}
        </Form.Item>
      </>
    ),
    toEvent: (v) => ({ party: v.party, name: text(v.name), ...(v.party === 'third_party' ? { information: text(v.information), rights: v.rights } : {}) }),
  },
  consultation_delivered: {
    label: '登记对方收到征求意见书',
    dateLabel: '对方收到日期',
    hint: () => '对方自收到征求意见书之日起15个工作日内提出意见（条例第三十二条、第三十四条）；登记后按收到日期计算意见期限。',
    initial: (d) => ({ name: onlyOpenConsultation(d) }),
    fields: ({ detail }) => <OpenConsultationField detail={detail} />,
    toEvent: (v) => ({ name: text(v.name) }),
  },
  consultation_prolonged: {
    label: '延长征求意见时间',
    kind: 'danger',
    hint: () => '不计入答复期限的只是征求意见所需的时间（条例第三十三条）。对方15个工作日期满后仍需等待的，须写明理由，由负责人登记延长至的日期。',
    initial: (d) => ({ name: onlyOpenConsultation(d) }),
    fields: ({ detail }) => (
      <>
        <OpenConsultationField detail={detail} />
        <Form.Item name="until" label="延长至" rules={[{ required: true, message: '请选择延长至的日期' }]}>
          <DatePicker style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="reason" label="理由" rules={required('请写明需要延长的理由')}>
          <Input.TextArea rows={2} placeholder="如：第三方书面申请延期，需核实涉及商业秘密的范围" />
        </Form.Item>
      </>
    ),
    toEvent: (v) => ({ name: text(v.name), until: iso(v.until), reason: text(v.reason) }),
  },
  consultation_ended: {
    label: '结束征求意见',
    kind: 'primary',
    dateLabel: '收到意见（或期满）日期',
    hint: () => '收到意见之日起恢复计算答复期限。第三方逾期未提出意见的，由行政机关依照条例规定决定是否公开（第三十二条）；被征求意见机关逾期未提出意见的，视为同意公开（第三十四条）。',
    initial: (d) => {
      const open = d.view.consultations.filter((c) => c.endedOn === null);
      return { name: open.length === 1 ? open[0].name : undefined, opinion: 'agree' };
    },
    fields: ({ detail }) => {
      const open = detail.view.consultations.filter((c) => c.endedOn === null);
      return (
        <>
          <Form.Item name="name" label="征求意见对象" rules={[{ required: true, message: '请选择结束哪一项征求意见' }]}>
            <Select options={open.map((c) => ({ value: c.name, label: `${c.name}（${CONSULTED_PARTY_LABELS[c.party]}，${formatDate(c.startedOn)}发出${c.pauseLimitOn ? `，意见期限至${formatDate(c.pauseLimitOn)}` : ''}）` }))} />
          </Form.Item>
          <Form.Item name="opinion" label="意见" rules={[{ required: true, message: '请选择意见' }]}>
            <Radio.Group options={Object.entries(CONSULTATION_OPINION_LABELS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
        </>
      );
    },
    toEvent: (v) => ({ name: text(v.name), opinion: v.opinion }),
  },
  extension_requested: {
    label: '申请延期',
    hint: (d) => `需要延长答复期限的，应当经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不得超过${d.view.regime === '2008' ? 15 : 20}个工作日（条例第三十三条）。${d.due?.dueOn ? `当前答复期限：${formatDate(d.due.dueOn)}。` : ''}`,
    initial: (d) => ({ days: d.view.regime === '2008' ? 15 : 20 }),
    fields: ({ detail }) => (
      <>
        <Form.Item name="days" label="延长天数" rules={[{ required: true, message: '请填写延长天数' }]}>
          <InputNumber min={1} max={detail.view.regime === '2008' ? 15 : 20} precision={0} suffix="个工作日" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="reason" label="延期理由（将写入延期答复告知书）" rules={required('请填写延期理由')}>
          <Input.TextArea rows={3} placeholder="如：所申请信息涉及多个单位，需协调检索" />
        </Form.Item>
      </>
    ),
    toEvent: (v) => ({ days: Number(v.days), reason: text(v.reason) }),
  },
  extension_approved: {
    label: '批准延期',
    kind: 'primary',
    hint: (d) => d.view.extension.requested ? `承办单位于${formatDate(d.view.extension.requested.on)}申请延期${d.view.extension.requested.days}个工作日，理由：${d.view.extension.requested.reason}` : '批准延长答复期限（条例第三十三条）。',
    initial: (d) => ({ days: d.view.extension.requested?.days ?? 20 }),
    fields: ({ detail }) => (
      <Form.Item name="days" label="批准延长天数" rules={[{ required: true, message: '请填写批准的天数' }]}>
        <InputNumber min={1} max={detail.view.extension.requested?.days ?? 20} precision={0} suffix="个工作日" style={{ width: 200 }} />
      </Form.Item>
    ),
    toEvent: (v) => ({ days: Number(v.days) }),
  },
  extension_rejected: {
    label: '不批准延期',
    kind: 'danger',
    fields: () => (
      <Form.Item name="reason" label="理由">
        <Input.TextArea rows={2} />
      </Form.Item>
    ),
    toEvent: (v) => ({ reason: optionalText(v.reason) }),
  },
  fee_notice_issued: {
    label: '发出收费通知',
    hint: () => '申请公开政府信息的数量、频次明显超过合理范围的，可以收取信息处理费（条例第四十二条；国办函〔2020〕109号）。申请人自收到收费通知次日起20个工作日内缴纳，逾期未缴纳视为放弃申请。',
    initial: (d) => ({ basis: 'per_request', paymentMethod: '通过财政非税收入电子缴款码或到本机关办公地点缴纳', deliveryMethod: DELIVERY_FROM_REQUEST[d.deliveryMethod ?? ''] }),
    fields: ({ form, detail }) => <FeeFields form={form} requestId={detail.id} />,
    // The count and the amount are computed by the server (same rule as the form shows); the form sends the confirmation.
    toEvent: (v) => ({ basis: v.basis, ...(v.basis === 'per_page' ? { pages: Number(v.pages) } : { sameApplicantRefs: (v.sameApplicantRefs as string[] | undefined) ?? [] }), paymentMethod: optionalText(v.paymentMethod), noticeReceivedOn: iso(v.noticeReceivedOn), deliveryMethod: v.deliveryMethod || undefined }),
  },
  fee_notice_delivered: { label: '登记收费通知送达', dateLabel: '申请人收到通知日期', hint: (d) => `缴费期限自申请人收到收费通知次日起20个工作日（国办函〔2020〕109号）。${d.view.fee?.paymentDueOn ? `当前至${formatDate(d.view.fee.paymentDueOn)}${d.view.fee.paymentDuePresumed ? '（按推定送达日计算）' : ''}。` : ''}` },
  fee_paid: { label: '登记已缴费', kind: 'primary', dateLabel: '缴费日期', hint: (d) => d.view.fee ? `应缴 ${d.view.fee.amountYuan} 元，${d.view.fee.paymentDueOn ? `缴费期限至${formatDate(d.view.fee.paymentDueOn)}。` : '缴费期限自申请人收到通知次日起20个工作日。'}` : '' },
  fee_expired: { label: '登记逾期未缴费', kind: 'danger', hint: (d) => `逾期未缴纳视为放弃申请，办理结果记为“其他处理-逾期未缴纳信息处理费”。${d.view.fee ? (d.view.fee.paymentDueOn ? `缴费期限至${formatDate(d.view.fee.paymentDueOn)}，期满后方可登记。` : '尚未登记申请人收到收费通知的日期，请先“登记收费通知送达”。') : ''}` },
  fee_waived: {
    label: '撤回收费通知',
    fields: () => <Form.Item name="reason" label="理由"><Input.TextArea rows={2} /></Form.Item>,
    toEvent: (v) => ({ reason: optionalText(v.reason) }),
  },
  reply_drafted: {
    label: '起草答复',
    kind: 'primary',
    wide: true,
    hint: () => '答复应当写明办理结果、理由和法律依据；不予公开的应当说明理由（条例第三十六条、第三十七条）。起草后提交审核人审核，再经保密审查后方可发出。',
    initial: (d) => {
      const draft = d.view.draft;
      if (!draft) return {};
      const p = [...d.timeline].reverse().find((e) => e.type === 'reply_drafted')?.payload ?? {};
      const prev = p.previousReply as { repliedOn?: string; docNumber?: string } | undefined;
      return {
        outcome: draft.outcome, reasons: draft.reasons, legalBasis: draft.legalBasis, body: draft.body ?? undefined,
        thirdParty: draft.thirdParty ?? undefined, otherAgency: draft.otherAgency ?? undefined,
        provision: p.provision ?? undefined, partial: partialInitial(p.partial),
        previousReply: prev ? { repliedOn: prev.repliedOn ? dayjs(prev.repliedOn) : undefined, docNumber: prev.docNumber } : undefined,
      };
    },
    fields: (c) => <ReplyDraftFields {...c} />,
    toEvent: (v) => {
      const tp = v.thirdParty as { name?: string; opinion?: string } | undefined;
      const oa = v.otherAgency as { name?: string; contact?: string } | undefined;
      const pr = v.provision as { method?: string; way?: string; time?: string } | undefined;
      const pa = v.partial as { disclosedPart?: string; withheldPart?: string; withheldGrounds?: string[] } | undefined;
      const prev = v.previousReply as { repliedOn?: Dayjs; docNumber?: string } | undefined;
      const compact = <T extends Record<string, unknown>>(o: T) => {
        const out = Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined && x !== ''));
        return Object.keys(out).length ? out : undefined;
      };
      return {
        outcome: v.outcome,
        legalBasis: text(v.legalBasis),
        reasons: text(v.reasons),
        body: optionalText(v.body),
        thirdParty: tp && text(tp.name) ? { name: text(tp.name), ...(tp.opinion ? { opinion: tp.opinion } : {}) } : undefined,
        otherAgency: oa && text(oa.name) ? { name: text(oa.name), contact: text(oa.contact) } : undefined,
        provision: pr ? compact({ method: optionalText(pr.method), way: optionalText(pr.way), time: optionalText(pr.time) }) : undefined,
        partial: pa ? compact({ disclosedPart: optionalText(pa.disclosedPart), withheldPart: optionalText(pa.withheldPart), withheldGrounds: pa.withheldGrounds?.length ? pa.withheldGrounds : undefined }) : undefined,
        previousReply: prev?.repliedOn ? compact({ repliedOn: iso(prev.repliedOn), docNumber: optionalText(prev.docNumber) }) : undefined,
      };
    },
  },
  reply_approved: {
    label: '审核通过',
    kind: 'primary',
    wide: true,
    // The reviewer approves the 答复书 text itself (preview = issued); its fingerprint is checked when it is sent.
    hint: (d) => d.view.draft ? <ApprovalPreview requestId={d.id} outcome={OUTCOME_LABELS[d.view.draft.outcome]} /> : '',
    fields: () => <Form.Item name="comment" label="审核意见（可选）"><Input.TextArea rows={2} /></Form.Item>,
    toEvent: (v) => ({ comment: optionalText(v.comment) }),
  },
  reply_returned: {
    label: '退回修改',
    kind: 'danger',
    fields: () => <Form.Item name="comment" label="退回意见" rules={required('请写明需要修改的内容')}><Input.TextArea rows={3} /></Form.Item>,
    toEvent: (v) => ({ comment: text(v.comment) }),
  },
  secrecy_review_passed: {
    label: '保密审查通过',
    kind: 'primary',
    hint: () => '依照《中华人民共和国保守国家秘密法》等规定对拟公开的信息进行审查（条例第十七条，先审查后公开、一事一审）。审查通过后方可发出答复。',
  },
  secrecy_review_rejected: {
    label: '保密审查不通过',
    kind: 'danger',
    fields: () => <Form.Item name="comment" label="审查意见" rules={required('请写明审查意见')}><Input.TextArea rows={3} /></Form.Item>,
    toEvent: (v) => ({ comment: text(v.comment) }),
  },
  replied: {
    label: '发出答复',
    kind: 'primary',
    dateLabel: '答复日期',
    hint: (d) => `答复已通过审核和保密审查。${d.due?.dueOn ? `答复期限：${formatDate(d.due.dueOn)}。` : ''}`,
    fields: () => <Form.Item name="documentNo" label="答复书文号（可选，不填则自动编号）"><Input placeholder="如：示自然资公开〔2024〕15号" /></Form.Item>,
    toEvent: (v) => ({ documentNo: optionalText(v.documentNo) }),
  },
  delivered: {
    label: '登记送达',
    kind: 'primary',
    dateLabel: '送达日期',
    initial: (d) => ({ method: DELIVERY_FROM_REQUEST[d.deliveryMethod ?? ''] ?? 'post' }),
    fields: ({ form }) => (
      <>
        <Form.Item name="method" label="送达方式" rules={[{ required: true }]}>
          <Radio.Group options={Object.entries(DELIVERY_METHOD_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item noStyle dependencies={['method']}>
          {() => (
            <Form.Item name="trackingNo" label="邮件单号" rules={form.getFieldValue('method') === 'post' ? required('邮寄送达须填写挂号信或快递单号') : []}>
              <Input placeholder={form.getFieldValue('method') === 'post' ? 'EMS 或挂号信单号' : '（可选）'} />
            </Form.Item>
          )}
        </Form.Item>
      </>
    ),
    toEvent: (v) => ({ method: v.method, trackingNo: optionalText(v.trackingNo) }),
  },
  withdrawn: {
    label: '撤回申请',
    kind: 'danger',
    dateLabel: '申请人撤回日期',
    fields: () => <Form.Item name="reason" label="撤回理由" rules={required('请填写撤回理由，如“申请人书面撤回”')}><Input.TextArea rows={2} /></Form.Item>,
    toEvent: (v) => ({ reason: text(v.reason) }),
  },
  closed: { label: '办结归档', kind: 'primary', dateLabel: '办结日期', hint: () => '办结后申请归档，不能再办理（条例第四十五条）。' },
};

/** The definition of an action, with a generic one (date only) for event types this page does not know yet. */
export function actionDef(type: string): ActionDef {
  return ACTIONS[type as EventType] ?? { label: EVENT_LABELS[type as EventType] ?? type };
}

/** Order of the action buttons: the procedure order of core's EVENT_LABELS. */
export function sortActions(types: readonly string[]): string[] {
  const order = Object.keys(EVENT_LABELS);
  return [...types].sort((a, b) => (order.indexOf(a) === -1 ? 99 : order.indexOf(a)) - (order.indexOf(b) === -1 ? 99 : order.indexOf(b)));
}
