import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Switch, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Department } from '../../api/types.js';
import { errorMessage } from '../../api/client.js';
import { useDepartments } from '../../features/requests/use-requests.js';
import { useCreateDepartment, useUpdateDepartment } from '../../features/admin/use-admin.js';
import { applyServerErrors } from '../../components/form-errors.js';
import { ErrorResult } from '../../components/error-result.js';

interface Values { name: string; code?: string }

/** 承办单位 (系统管理员): the departments requests are assigned to (主办/协办). */
export function DepartmentsPage() {
  const departments = useDepartments();
  const create = useCreateDepartment();
  const update = useUpdateDepartment();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [editing, setEditing] = useState<Department | null>(null);
  const [open, setOpen] = useState(false);

  const submit = async () => {
    let v: Values;
    try { v = await form.validateFields(); } catch { return; }
    const body = { name: v.name.trim(), code: v.code?.trim() || null };
    try {
      if (editing) await update.mutateAsync({ id: editing.id, ...body });
      else await create.mutateAsync(body);
      message.success(editing ? '已保存' : `已新增承办单位“${body.name}”`);
      setOpen(false);
    } catch (err) {
      applyServerErrors(form, err);
      message.error(errorMessage(err));
    }
  };

  const toggle = async (d: Department, active: boolean) => {
    try {
      await update.mutateAsync({ id: d.id, active });
      message.success(active ? `已启用“${d.name}”` : `已停用“${d.name}”，不再出现在分派选项中`);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  return (
    <>
      <div className="gk-page-title">
        <Typography.Title level={3}>承办单位</Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => { setEditing(null); setOpen(true); }}>新增承办单位</Button>
      </div>
      <Card>
        {departments.isError && <ErrorResult error={departments.error} onRetry={() => void departments.refetch()} />}
        <Table<Department>
          rowKey="id"
          loading={departments.isPending}
          dataSource={departments.data ?? []}
          pagination={{ pageSize: 30, hideOnSinglePage: true }}
          columns={[
            { title: '名称', dataIndex: 'name' },
            { title: '代码', dataIndex: 'code', width: 140, render: (c: string | null) => c ?? '—' },
            { title: '状态', dataIndex: 'active', width: 110, render: (a: boolean, d) => <Switch checked={a} checkedChildren="启用" unCheckedChildren="停用" onChange={(v) => void toggle(d, v)} aria-label={`${d.name} 启用状态`} /> },
            { title: '操作', key: 'op', width: 90, render: (_v, d) => <Button type="link" onClick={() => { setEditing(d); setOpen(true); }}>编辑</Button> },
          ]}
        />
      </Card>
      <Modal open={open} title={editing ? `编辑：${editing.name}` : '新增承办单位'} onCancel={() => setOpen(false)} onOk={() => void submit()} okText="保存" confirmLoading={create.isPending || update.isPending} destroyOnHidden
        afterOpenChange={(o) => { if (o) { form.resetFields(); form.setFieldsValue(editing ? { name: editing.name, code: editing.code ?? undefined } : {}); } }}>
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="name" label="单位名称" rules={[{ required: true, whitespace: true, message: '请填写单位名称' }, { max: 100 }]}>
            <Input placeholder="如：国土空间规划处" />
          </Form.Item>
          <Form.Item name="code" label="代码（可选）" rules={[{ max: 20 }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
