import { useState } from 'react';
import { App, Button, DatePicker, Empty, Form, Modal, Space, Typography } from 'antd';
import type { RequestDetail } from '../../api/types.js';
import { errorMessage } from '../../api/client.js';
import { applyServerErrors } from '../../components/form-errors.js';
import { dayjs } from '../../locale.js';
import { actionDef, sortActions, type ActionValues } from './action-forms.js';
import { useConfirmRequest, useDepartments, useRecordEvent } from './use-requests.js';

export interface PendingAction {
  type: string;
  /** Values to pre-fill (e.g. the duplicate shortcut fills outcome, reasons and legal basis). */
  preset?: Record<string, unknown>;
}

/** The form of one action in a modal: validates, records the event, reports success or the server's message. */
export function ActionModal({ detail, action, onClose }: { detail: RequestDetail; action: PendingAction | null; onClose: () => void }) {
  // A fresh form (and its initial values) for every action opened.
  return action ? <ActionDialog detail={detail} action={action} onClose={onClose} /> : null;
}

function ActionDialog({ detail, action, onClose }: { detail: RequestDetail; action: PendingAction; onClose: () => void }) {
  const [form] = Form.useForm<ActionValues>();
  const departments = useDepartments();
  const record = useRecordEvent(detail.id);
  const confirm = useConfirmRequest(detail.id);
  const { message } = App.useApp();
  const def = actionDef(action.type);
  // Initial values are fixed when the action opens; a refresh of the detail underneath does not reset the form.
  const [initialValues] = useState(() => ({ on: dayjs(), ...(def.initial?.(detail) ?? {}), ...(action.preset ?? {}) }));
  const pending = record.isPending || confirm.isPending;
  const hasDate = def.dateLabel !== null;

  const submit = async () => {
    let values: ActionValues;
    try {
      values = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    const fields = def.toEvent?.(values, detail) ?? {};
    try {
      if (action.type === 'registered') await confirm.mutateAsync(fields as { receivedOn?: string; evidence?: string });
      else {
        const on = hasDate && dayjs.isDayjs(values.on) ? values.on.format('YYYY-MM-DD') : undefined;
        const event = Object.fromEntries(Object.entries({ type: action.type, on, ...fields }).filter(([, v]) => v !== undefined));
        await record.mutateAsync(event as { type: string });
      }
      message.success(`${def.label}：已完成`);
      onClose();
    } catch (err) {
      applyServerErrors(form, err);
      message.error(errorMessage(err));
    }
  };

  return (
    <Modal
      open
      title={def.label}
      onCancel={onClose}
      onOk={() => void submit()}
      okText="确定"
      okButtonProps={{ danger: def.kind === 'danger', loading: pending }}
      width={def.wide ? 760 : 560}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {def.hint && <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>{def.hint(detail)}</Typography.Paragraph>}
      <Form<ActionValues> form={form} layout="vertical" aria-label={def.label} initialValues={initialValues}>
        {def.fields?.({ detail, departments: departments.data ?? [], form })}
        {hasDate && (
          <Form.Item name="on" label={def.dateLabel ?? '办理日期'} rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker style={{ width: 220 }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} allowClear={false} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** The actions this user may take now (the server's `allowedActions`), one button each. */
export function ActionPanel({ detail, onAction }: { detail: RequestDetail; onAction: (a: PendingAction) => void }) {
  const actions = sortActions(detail.allowedActions);
  if (actions.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={detail.state === 'closed' ? '已办结归档' : '当前没有需要您办理的操作'} />;
  }
  return (
    <Space wrap>
      {actions.map((type) => {
        const def = actionDef(type);
        const label = type === 'reply_drafted' && detail.view.draft ? '修改答复' : def.label;
        return (
          <Button key={type} type={def.kind === 'primary' ? 'primary' : 'default'} danger={def.kind === 'danger'} onClick={() => onAction({ type })} data-action={type}>
            {label}
          </Button>
        );
      })}
    </Space>
  );
}

/** State for the action modal of a page. */
export function useActionState() {
  return useState<PendingAction | null>(null);
}
