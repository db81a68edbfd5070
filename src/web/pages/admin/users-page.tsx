import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Form, Input, Modal, Select, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Role, UserRow } from '../../api/types.js';
import { errorMessage } from '../../api/client.js';
import { ROLES, ROLE_LABELS } from '../../features/auth/access.js';
import { useCreateUser, useUpdateUser, useUsers, type UserInput } from '../../features/admin/use-admin.js';
import { useDepartments } from '../../features/requests/use-requests.js';
import { applyServerErrors } from '../../components/form-errors.js';
import { ErrorResult } from '../../components/error-result.js';
import { useMe } from '../../features/auth/use-session.js';
import { COMMAND_LINE_ONLY_ROLES, isAdminRole, roleCombinationProblem } from '../../../shared/roles.js';
import { PASSWORD_RULE_TEXT, passwordProblems } from '../../../shared/password-policy.js';

interface UserFormValues { username: string; displayName: string; roles: Role[]; departmentId?: number | null; password?: string }

const ROLE_HINTS: Partial<Record<Role, string>> = {
  handler: '须指定所属承办单位，只能办理分派给本单位的申请',
  security_admin: '只负责用户、角色与密码重置，不办理申请，不查看申请内容和个人信息',
};

/** The 三员分立 rules, as the security administrator reads them on this page. */
const SPLIT_RULES = [
  '系统管理员、安全管理员、审计员须由三个不同账号担任，每个账号只能担任其中一个，且不得兼任登记员、承办人等业务角色。',
  '系统管理员和审计员账号不能在本页授予或变更（含重置密码、停用），只能由服务器运维人员通过命令行办理。',
  '任何人都不能修改本人的角色或停用本人账号。',
  '新建账号和重置密码后，用户首次登录须先修改密码（管理员知道的密码不能继续使用）。',
];

/** Why a role box is disabled given the roles already ticked (Chinese tooltip), or null when it may be ticked. */
function roleDisabledReason(role: Role, chosen: readonly Role[], self: boolean): string | null {
  if (self) return '不能修改本人的角色';
  if ((COMMAND_LINE_ONLY_ROLES as readonly Role[]).includes(role)) return `${ROLE_LABELS[role]}只能由服务器运维人员通过命令行设置`;
  if (chosen.includes(role)) return null;
  return roleCombinationProblem([...chosen, role]);
}

function UserFormModal({ user, open, onClose }: { user: UserRow | null; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<UserFormValues>();
  const create = useCreateUser();
  const update = useUpdateUser();
  const departments = useDepartments();
  const { message, modal } = App.useApp();
  const roles: Role[] = Form.useWatch('roles', form) ?? [];
  const isNew = user === null;
  const self = !isNew && user.id === useMe().data?.user?.id;

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
        const { username: _u, password, roles: newRoles, ...rest } = body;
        void _u;
        await update.mutateAsync({ id: user.id, ...rest, ...(self ? {} : { roles: newRoles }), ...(password ? { password } : {}) });
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
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="三员分立" description={<ul className="gk-split-rules" style={{ margin: 0, paddingLeft: 18 }}>{SPLIT_RULES.map((r) => <li key={r}>{r}</li>)}</ul>} />
        <Form.Item name="roles" label="角色" extra={self ? '这是您本人的账号：角色须由其他安全管理员办理。' : '灰色的角色与已选角色不能兼任（鼠标停留可查看原因）。'}
          rules={[{ required: true, type: 'array', min: 1, message: '至少选择一个角色' }, { validator: async (_r, v?: Role[]) => { const p = v ? roleCombinationProblem(v) : null; if (p) throw new Error(p); } }]}>
          <Checkbox.Group>
            <Space size={[4, 8]} wrap>
              {ROLES.map((r) => {
                const reason = roleDisabledReason(r, roles, self);
                return (
                  <Tooltip key={r} title={reason}>
                    <Checkbox value={r} disabled={!!reason} data-role={r}>{ROLE_LABELS[r]}{isAdminRole(r) ? <Tag color="gold" style={{ marginLeft: 4 }}>三员</Tag> : null}</Checkbox>
                  </Tooltip>
                );
              })}
            </Space>
          </Checkbox.Group>
        </Form.Item>
        {roles.filter((r) => ROLE_HINTS[r]).map((r) => <Alert key={r} type="info" showIcon style={{ marginBottom: 12 }} title={`${ROLE_LABELS[r]}：${ROLE_HINTS[r]}`} />)}
        <Form.Item name="departmentId" label="所属承办单位" rules={[{ required: roles.includes('handler'), message: '承办人必须指定所属承办单位' }]}>
          <Select allowClear options={(departments.data ?? []).filter((d) => d.active).map((d) => ({ value: d.id, label: d.name }))} placeholder={roles.includes('handler') ? '请选择' : '（可不选）'} />
        </Form.Item>
        <Form.Item name="password" label={isNew ? '初始密码（可不填，系统随机生成）' : '重置密码（不修改请留空）'} extra={`${PASSWORD_RULE_TEXT}；用户首次登录须修改`}
          rules={[{ validator: async (_r, v?: string) => { const p = v ? passwordProblems(v, form.getFieldValue('username') ?? user?.username) : []; if (p.length) throw new Error(p.join('；')); } }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

const commandLineOnly = (u: UserRow) => u.roles.some((r) => (COMMAND_LINE_ONLY_ROLES as readonly Role[]).includes(r));

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
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title="三员分立（GB/T 22239-2019 第三级）" description={<ul style={{ margin: 0, paddingLeft: 18 }}>{SPLIT_RULES.map((r) => <li key={r}>{r}</li>)}</ul>} />
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
            { title: '角色', dataIndex: 'roles', render: (roles: Role[], u) => (
              <Space size={[4, 4]} wrap>
                {roles.map((r) => <Tag key={r} color={isAdminRole(r) ? 'gold' : undefined}>{users.data?.roleLabels[r] ?? ROLE_LABELS[r] ?? r}</Tag>)}
                {roles.length === 0 && <Tag>（无角色）</Tag>}
                {u.roleProblem && <Tooltip title={u.roleProblem}><Tag color="red">角色组合不符合三员分立，请调整</Tag></Tooltip>}
                {u.mustChangePassword && <Tag color="blue">待本人修改初始密码</Tag>}
              </Space>
            ) },
            { title: '承办单位', dataIndex: 'departmentName', width: 160, render: (n: string | null) => n ?? '—' },
            { title: '状态', dataIndex: 'active', width: 100, render: (a: boolean, u) => (
              <Tooltip title={u.id === me?.id ? '不能停用本人账号' : commandLineOnly(u) ? '系统管理员、审计员账号只能通过命令行停用' : null}>
                <Switch checked={a} checkedChildren="启用" unCheckedChildren="停用" disabled={u.id === me?.id || commandLineOnly(u)} onChange={(v) => void toggle(u, v)} aria-label={`${u.username} 启用状态`} />
              </Tooltip>
            ) },
            { title: '操作', key: 'op', width: 110, render: (_v, u) => (commandLineOnly(u)
              ? <Tooltip title="系统管理员、审计员账号只能由服务器运维人员通过命令行管理"><Typography.Text type="secondary">命令行管理</Typography.Text></Tooltip>
              : <Button type="link" onClick={() => { setEditing(u); setOpen(true); }}>编辑</Button>) },
          ]}
        />
      </Card>
      <UserFormModal user={editing} open={open} onClose={() => setOpen(false)} />
    </>
  );
}
