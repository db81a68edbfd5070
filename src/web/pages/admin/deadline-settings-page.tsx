import { useEffect, useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, Form, InputNumber, Radio, Space, Typography } from 'antd';
import { NOTICE_CHANNELS, type NoticeChannel, type RepeatSupplementPolicy } from '../../../core/deadlines/rules.js';
import { DELIVERY_METHOD_LABELS } from '../../../core/requests/events.js';
import { errorMessage } from '../../api/client.js';
import { useDeadlineSettings, useSaveDeadlineSettings, type DeadlineSettingsValue } from '../../features/admin/use-admin.js';
import { applyServerErrors } from '../../components/form-errors.js';
import { ErrorResult } from '../../components/error-result.js';
import { PageLoading } from '../../components/page-loading.js';

/** Longest presumed delivery the server accepts (services/requests/deadline-settings.ts MAX_PRESUMED_DELIVERY_DAYS). */
const MAX_PRESUMED_DAYS = 30;

type PresumeMode = 'record' | 'presume';

interface Values {
  presumeMode: Record<NoticeChannel, PresumeMode>;
  presumedDeliveryDays: Record<NoticeChannel, number | null>;
  repeatSupplement: RepeatSupplementPolicy;
  pauseDuringFeeNotice: boolean;
  dueSoonWorkingDays: number;
}

/** What each channel's presumption would typically mean, as a hint next to the number. */
const CHANNEL_HINTS: Record<NoticeChannel, string> = {
  post: '如挂号信、EMS',
  email: '发送到申请人登记的电子邮箱',
  online: '通过网上申请系统送达',
  in_person: '申请人到机关当面领取，通常为0（当日收到）',
};

export function toFormValues(s: DeadlineSettingsValue): Values {
  const presumeMode = {} as Record<NoticeChannel, PresumeMode>;
  const presumedDeliveryDays = {} as Record<NoticeChannel, number | null>;
  for (const c of NOTICE_CHANNELS) {
    const d = s.presumedDeliveryDays?.[c] ?? null;
    presumeMode[c] = d === null ? 'record' : 'presume';
    presumedDeliveryDays[c] = d;
  }
  return { presumeMode, presumedDeliveryDays, repeatSupplement: s.repeatSupplement ?? 'justified', pauseDuringFeeNotice: s.pauseDuringFeeNotice, dueSoonWorkingDays: s.dueSoonWorkingDays };
}

/** The PUT body: a channel without presumption is sent as null (receipt must be recorded). */
export function toBody(v: Values): DeadlineSettingsValue {
  const presumedDeliveryDays = {} as Record<NoticeChannel, number | null>;
  for (const c of NOTICE_CHANNELS) presumedDeliveryDays[c] = v.presumeMode[c] === 'presume' ? (v.presumedDeliveryDays[c] ?? null) : null;
  return { presumedDeliveryDays, repeatSupplement: v.repeatSupplement, pauseDuringFeeNotice: v.pauseDuringFeeNotice, dueSoonWorkingDays: v.dueSoonWorkingDays };
}

const presumedText = (d: number | null | undefined) => ((d ?? null) === null ? '不推定（须登记实际收到日期）' : d === 0 ? '发出当日视为收到' : `发出后${d}个工作日视为收到`);
const REPEAT_TEXT: Record<RepeatSupplementPolicy, string> = { justified: '确有必要时允许再次告知', never: '不允许再次告知' };

/** The changes between the saved settings and the form, one line each, for the confirmation. */
export function describeChanges(before: DeadlineSettingsValue, after: DeadlineSettingsValue): string[] {
  const out: string[] = [];
  for (const c of NOTICE_CHANNELS) {
    const a = before.presumedDeliveryDays?.[c] ?? null;
    const b = after.presumedDeliveryDays[c] ?? null;
    if (a !== b) out.push(`${DELIVERY_METHOD_LABELS[c]}：${presumedText(a)} → ${presumedText(b)}`);
  }
  const rb = before.repeatSupplement ?? 'justified';
  if (rb !== after.repeatSupplement) out.push(`再次告知补正：${REPEAT_TEXT[rb]} → ${REPEAT_TEXT[after.repeatSupplement]}`);
  if (before.pauseDuringFeeNotice !== after.pauseDuringFeeNotice) out.push(`收费通知期间的答复期限：${before.pauseDuringFeeNotice ? '暂停计算' : '不暂停'} → ${after.pauseDuringFeeNotice ? '暂停计算' : '不暂停'}`);
  if (before.dueSoonWorkingDays !== after.dueSoonWorkingDays) out.push(`即将到期提醒：提前${before.dueSoonWorkingDays}个工作日 → 提前${after.dueSoonWorkingDays}个工作日`);
  return out;
}

const Basis = ({ children }: { children: ReactNode }) => (
  <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>{children}</Typography.Paragraph>
);

/** One channel's row: 不推定 (default) or "presumed received N working days after sending". */
function ChannelRow({ channel }: { channel: NoticeChannel }) {
  const form = Form.useFormInstance<Values>();
  const mode = Form.useWatch(['presumeMode', channel], form);
  const label = DELIVERY_METHOD_LABELS[channel];
  return (
    <div data-testid={`presume-${channel}`} style={{ padding: '10px 0', borderTop: '1px solid #f0f0f0' }}>
      <Typography.Text strong style={{ display: 'inline-block', width: 84 }}>{label}</Typography.Text>
      <Typography.Text type="secondary">{CHANNEL_HINTS[channel]}</Typography.Text>
      <Space wrap align="center" style={{ marginTop: 6, width: '100%' }}>
        <Form.Item name={['presumeMode', channel]} noStyle>
          <Radio.Group
            aria-label={`${label}的送达认定`}
            onChange={(e) => {
              if (e.target.value === 'presume' && (form.getFieldValue(['presumedDeliveryDays', channel]) ?? null) === null) form.setFieldValue(['presumedDeliveryDays', channel], channel === 'in_person' ? 0 : 5);
              if (e.target.value === 'record') form.setFields([{ name: ['presumedDeliveryDays', channel], errors: [] }]);
            }}
            options={[
              { value: 'record', label: '不推定，须登记实际收到日期' },
              { value: 'presume', label: '推定送达' },
            ]}
          />
        </Form.Item>
        {mode === 'presume' && (
          <Space size={6} align="center">
            <span>发出后</span>
            <Form.Item
              name={['presumedDeliveryDays', channel]}
              noStyle
              rules={[{ required: true, message: `请填写${label}的推定送达天数` }]}
            >
              <InputNumber min={0} max={MAX_PRESUMED_DAYS} precision={0} style={{ width: 80 }} aria-label={`${label}推定送达天数`} />
            </Form.Item>
            <span>个工作日视为申请人已收到</span>
          </Space>
        )}
      </Space>
      {/* The field's own message (client rule or the server's Chinese refusal), shown under the row. */}
      <Form.Item noStyle shouldUpdate>
        {() => {
          const errors = form.getFieldError(['presumedDeliveryDays', channel]);
          return errors.length ? <div className="ant-form-item-explain-error" role="alert">{errors.join('；')}</div> : null;
        }}
      </Form.Item>
    </div>
  );
}

/**
 * 期限设置 (系统管理员): where the law leaves the office a choice in counting deadlines — presumed delivery of notices,
 * a second 补正, the fee-notice pause and the "due soon" threshold. Saving recomputes every open request's deadlines.
 */
export function DeadlineSettingsPage() {
  const settings = useDeadlineSettings();
  const save = useSaveDeadlineSettings();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [serverError, setServerError] = useState<string | null>(null);
  useEffect(() => { if (settings.data) form.setFieldsValue(toFormValues(settings.data)); }, [settings.data, form]);

  if (settings.isPending) return <PageLoading />;
  if (settings.isError) return <ErrorResult error={settings.error} onRetry={() => void settings.refetch()} />;

  // All stored values, not only the mounted fields': a channel's day count is kept while its row shows 不推定.
  const submit = (v: Values) => {
    const body = toBody(v);
    const changes = describeChanges(settings.data, body);
    if (changes.length === 0) { message.info('期限设置没有改动，无需保存'); return; }
    modal.confirm({
      title: '保存期限设置',
      width: 560,
      content: (
        <>
          <Typography.Paragraph style={{ marginBottom: 8 }}>本次修改：</Typography.Paragraph>
          <ul style={{ paddingInlineStart: 20, marginTop: 0 }} data-testid="settings-changes">{changes.map((c) => <li key={c}>{c}</li>)}</ul>
          <Typography.Paragraph style={{ marginBottom: 0 }}>保存后，所有尚未办结的申请将按新设置重新计算答复期限、缴费期限和补正期限，并记入审计日志。确定保存吗？</Typography.Paragraph>
        </>
      ),
      okText: '确定保存',
      cancelText: '取消',
      onOk: async () => {
        setServerError(null);
        try {
          await save.mutateAsync(body);
          message.success('期限设置已保存，所有未结申请的期限已按新设置重新计算');
        } catch (err) {
          const unmatched = applyServerErrors(form, err);
          setServerError(unmatched[0] ?? errorMessage(err));
          message.error(errorMessage(err));
        }
      },
    });
  };

  return (
    <>
      <div className="gk-page-title"><Typography.Title level={3}>期限设置</Typography.Title></div>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16, maxWidth: 980 }}
        title="以下各项是法律法规留给本机关决定、或需要本机关明确口径的期限计算规则。修改后，所有未办结申请的期限将按新设置重新计算，修改记录写入审计日志。"
      />
      {serverError && <Alert type="error" showIcon closable onClose={() => setServerError(null)} style={{ marginBottom: 16, maxWidth: 980 }} title="保存失败" description={serverError} data-testid="save-error" />}
      <Form<Values> form={form} layout="vertical" initialValues={toFormValues(settings.data)} onFinish={() => submit(form.getFieldsValue(true))} aria-label="期限设置" style={{ maxWidth: 980 }}>
        <Card title="通知的推定送达" style={{ marginBottom: 16 }}>
          <Basis>
            依据：《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）规定，申请人应当在收到收费通知次日起20个工作日内缴纳费用；
            《政府信息公开条例》第三十条规定的补正期限，同样从申请人收到补正告知书时起算。这两个期限都取决于申请人实际收到通知的日期。
          </Basis>
          <Basis>
            <Typography.Text strong>不推定（默认）：</Typography.Text>系统不推测送达日期。工作人员须在申请详情中登记申请人实际收到通知的日期，缴费期限和补正期限才开始计算；
            登记收到日期之前，不能登记“逾期未缴费”或“逾期未补正”，申请人不会因推测的送达日期而失去申请。
            <br />
            <Typography.Text strong>推定送达：</Typography.Text>通知发出后满所填工作日数，即视为申请人已收到，期限自动起算；登记了实际收到日期的，以实际日期为准。
            仅在本机关能够证明送达（如邮寄回执、系统送达记录）时使用。天数可填0至{MAX_PRESUMED_DAYS}个工作日。
          </Basis>
          {NOTICE_CHANNELS.map((c) => <ChannelRow key={c} channel={c} />)}
        </Card>

        <Card title="再次告知补正" style={{ marginBottom: 16 }}>
          <Basis>
            依据：《政府信息公开条例》第三十条规定，申请内容不明确的，行政机关应当自收到申请之日起7个工作日内<Typography.Text strong>一次性</Typography.Text>告知申请人作出补正。
            无论选择哪一项，补正后申请内容仍不明确的，都应答复“无法提供—补正后申请内容仍不明确”。
          </Basis>
          <Form.Item name="repeatSupplement" rules={[{ required: true, message: '请选择再次补正的规则' }]} style={{ marginBottom: 0 }}>
            <Radio.Group aria-label="再次告知补正">
              <Space orientation="vertical">
                <Radio value="justified">确有必要时允许再次告知（默认）：须写明理由，且仍须在收到申请之日起7个工作日内发出</Radio>
                <Radio value="never">不允许：每件申请只告知补正一次</Radio>
              </Space>
            </Radio.Group>
          </Form.Item>
        </Card>

        <Card title="收费通知期间的答复期限" style={{ marginBottom: 16 }}>
          <Basis>
            国办函〔2020〕109号要求在答复期限内发出收费通知。发出收费通知后至申请人缴费（或缴费期满）期间是否暂停计算答复期限，
            现有公开文本中未核实到明确规定，请按本机关或上级机关的口径选择（默认：暂停）。
          </Basis>
          <Form.Item name="pauseDuringFeeNotice" style={{ marginBottom: 0 }}>
            <Radio.Group aria-label="收费通知期间的答复期限">
              <Space orientation="vertical">
                <Radio value={true}>暂停计算：收费通知发出之日起至缴费或缴费期满，不计入答复期限</Radio>
                <Radio value={false}>不暂停：答复期限照常计算</Radio>
              </Space>
            </Radio.Group>
          </Form.Item>
        </Card>

        <Card title="即将到期提醒" style={{ marginBottom: 16 }}>
          <Basis>工作台和期限提醒中，答复期限剩余不超过所填工作日数的申请标为“即将到期”，提醒承办人员及时办理。这只影响提醒，不改变法定期限。</Basis>
          <Form.Item name="dueSoonWorkingDays" label="提前提醒天数（工作日）" rules={[{ required: true, message: '请填写提前提醒天数' }]} style={{ marginBottom: 0 }}>
            <InputNumber min={0} max={20} precision={0} style={{ width: 120 }} aria-label="提前提醒天数" />
          </Form.Item>
        </Card>

        <Button type="primary" htmlType="submit" loading={save.isPending}>保存</Button>
      </Form>
    </>
  );
}
