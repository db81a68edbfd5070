import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Form, Input, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Role, UserRow } from '../../api/types.js';
import { errorMessage } from '../../api/client.js';
import { ROLES, ROLE_LABELS } from '../../features/auth/access.js';
import { useCreateUser, useUpdateUser, useUsers, type UserInput } from '../../features/admin/use-admin.js';
import { useDepartments } from '../../features/requests/use-requests.js';
import { applyServerErrors } from '../../components/form-errors.js';
import { ErrorResult } from '../../components/error-result.js';
import { useMe } from '../../features/auth/use-session.js';

interface UserFormValues { username: string; displayName: string; roles: Role[]; departmentId?: number | null; password?: string }

const ROLE_HINTS: Partial<Record<Role, string>> = {
  handler: '须指定所属承办单位，只能办理分派给本单位的申请',
  admin: '系统管理员、安全管理员、审计员三员分立，不宜由同一人兼任',
};

function UserFormModal({ user, open, onClose }: { user: UserRow | null; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<UserFormValues>();
  const create = useCreateUser();
  const update = useUpdateUser();
  const departments = useDepartments();
  const { message, modal } = App.useApp();
  const roles = Form.useWatch('roles', form) ?? [];
  const isNew = user === null;

  const submit = async () => {
    let v: UserFormValues;
    try { v = await form.validateFields(); } catch { return; }
    const body: UserInput = { username: v.username?.trim(), displayName: v.displayName.trim(), roles: v.roles, departmentId: v.departmentId ?? null, password: v.password || undefined };
    try {
      if (isNew) {
        const r = await create.mutateAsync(body);
        onClose();
        if (r.initialPassword) {
          modal.info({ title: `已创建用户 ${body.username}`, content: <div><p>初始密码（只显示这一次，请当面或通过安全渠道告知本人；首次登录须修改）：</p><Typography.Text code copyable style={{ fontSize: 18 }}>{r.initialPassword}</Typography.Text></div>, okText: '我已记下' });
        } else message.success('用户已创建');
      } else {
        const { username: _u, password, ...rest } = body;
        void _u;
        await update.mutateAsync({ id: user.id, ...rest, ...(password ? { password } : {}) });
        message.success('已保存');
        onClose();
      }
    } catch (err) {
      applyServerErrors(form, err);
      message.error(errorMessage(err));
    }
  };

  return (
    <Modal open={open} title={isNew ? '新增用户' : `编辑用户 ${user?.username}`} onCancel={onClose} onOk={() => void submit()} okText="保存" confirmLoading={create.isPending || update.isPending} destroyOnHidden width={620}
      afterOpenChange={(o) => { if (o) { form.resetFields(); form.setFieldsValue(user ? { username: user.username, displayName: user.displayName, roles: user.roles, departmentId: user.departmentId } : { roles: [] }); } }}>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请填写用户名' }, { pattern: /^[A-Za-z0-9_.-]{3,32}$/, message: '3–32位字母、数字、下划线、点或连字符' }]}>
          <Input disabled={!isNew} autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }, { max: 50 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="roles" label="角色" rules={[{ required: true, type: 'array', min: 1, message: '至少选择一个角色' }]}>
          <Checkbox.Group options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
        </Form.Item>
        {roles.filter((r) => ROLE_HINTS[r]).map((r) => <Alert key={r} type="info" showIcon style={{ marginBottom: 12 }} title={`${ROLE_LABELS[r]}：${ROLE_HINTS[r]}`} />)}
        <Form.Item name="departmentId" label="所属承办单位" rules={[{ required: roles.includes('handler'), message: '承办人必须指定所属承办单位' }]}>
          <Select allowClear options={(departments.data ?? []).filter((d) => d.active).map((d) => ({ value: d.id, label: d.name }))} placeholder={roles.includes('handler') ? '请选择' : '（可不选）'} />
        </Form.Item>
        <Form.Item name="password" label={isNew ? '初始密码（可不填，系统随机生成）' : '重置密码（不修改请留空）'} extra="至少10位，须包含字母和数字；用户首次登录须修改"
          rules={[{ validator: async (_r, v?: string) => { if (v && (v.length < 10 || !/[A-Za-z]/.test(v) || !/\d/.test(v))) throw new Error('密码至少10位，且须同时包含字母和数字'); } }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 用户与角色 (security administrator, 三员分立): accounts, roles, department, active. */
export function UsersPage() {
  const users = useUsers();
  const update = useUpdateUser();
  const me = useMe().data?.user;
  const { message } = App.useApp();
  const [editing, setEditing] = useState<UserRow | null>(null);
  const [open, setOpen] = useState(false);

  const toggle = async (u: UserRow, active: boolean) => {
    try {
      await update.mutateAsync({ id: u.id, active });
      message.success(active ? `已启用 ${u.displayName}` : `已停用 ${u.displayName}，其登录会话已失效`);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  return (
    <>
      <div className="gk-page-title">
        <Typography.Title level={3}>用户与角色</Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => { setEditing(null); setOpen(true); }}>新增用户</Button>
      </div>
      <Card>
        {users.isError && <ErrorResult error={users.error} onRetry={() => void users.refetch()} />}
        <Table<UserRow>
          rowKey="id"
          loading={users.isPending}
          dataSource={users.data?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 860 }}
          columns={[
            { title: '用户名', dataIndex: 'username', width: 130 },
            { title: '姓名', dataIndex: 'displayName', width: 120 },
            { title: '角色', dataIndex: 'roles', render: (roles: Role[]) => <Space size={[4, 4]} wrap>{roles.map((r) => <Tag key={r}>{users.data?.roleLabels[r] ?? ROLE_LABELS[r] ?? r}</Tag>)}</Space> },
            { title: '承办单位', dataIndex: 'departmentName', width: 160, render: (n: string | null) => n ?? '—' },
            { title: '状态', dataIndex: 'active', width: 100, render: (a: boolean, u) => <Switch checked={a} checkedChildren="启用" unCheckedChildren="停用" disabled={u.id === me?.id} onChange={(v) => void toggle(u, v)} aria-label={`${u.username} 启用状态`} /> },
            { title: '操作', key: 'op', width: 90, render: (_v, u) => <Button type="link" onClick={() => { setEditing(u); setOpen(true); }}>编辑</Button> },
          ]}
        />
      </Card>
      <UserFormModal user={editing} open={open} onClose={() => setOpen(false)} />
    </>
  );
}
