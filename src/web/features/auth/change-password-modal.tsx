import { App, Form, Input, Modal } from 'antd';
import { applyServerErrors } from '../../components/form-errors.js';
import { errorMessage } from '../../api/client.js';
import { clearMustChangePassword, useChangePassword } from './use-session.js';
import { PASSWORD_RULE_TEXT, passwordProblems } from '../../../shared/password-policy.js';

interface Values { oldPassword: string; newPassword: string; confirm: string }

/** 修改密码 (also forced after the first login with an initial password). */
export function ChangePasswordModal({ open, onClose, forced = false }: { open: boolean; onClose: () => void; forced?: boolean }) {
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const { message } = App.useApp();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await change.mutateAsync({ oldPassword: v.oldPassword, newPassword: v.newPassword });
      message.success('密码已修改');
      clearMustChangePassword();
      form.resetFields();
      onClose();
    } catch (err) {
      applyServerErrors(form, err, { password: 'newPassword' });
      message.error(errorMessage(err));
    }
  };
  return (
    <Modal
      title={forced ? '首次登录，请修改初始密码' : '修改密码'}
      open={open}
      onOk={() => void submit()}
      onCancel={forced ? undefined : onClose}
      closable={!forced}
      mask={{ closable: !forced }}
      okText="确认修改"
      cancelButtonProps={forced ? { style: { display: 'none' } } : undefined}
      confirmLoading={change.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="oldPassword" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label="新密码" extra={PASSWORD_RULE_TEXT} rules={[{ required: true, message: '请输入新密码' }, { validator: async (_r, v?: string) => { const p = v ? passwordProblems(v) : []; if (p.length) throw new Error(p.join('；')); } }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="confirm" label="确认新密码" dependencies={['newPassword']} rules={[{ required: true, message: '请再次输入新密码' }, ({ getFieldValue }) => ({ validator: async (_r, v) => { if (v && v !== getFieldValue('newPassword')) throw new Error('两次输入的新密码不一致'); } })]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
