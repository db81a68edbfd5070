import { useState } from 'react';
import { App, Button, Form, Input, Modal, Space, Switch, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { CatalogueNode } from '../../../shared/publications.js';
import { errorMessage } from '../../api/client.js';
import { applyServerErrors } from '../../components/form-errors.js';
import { ErrorResult } from '../../components/error-result.js';
import { useCatalogue } from './use-publications.js';
import { useSaveCategory } from './workbench-hooks.js';

interface Editing { id?: number; parentId: number | null; code?: string; name?: string; description?: string | null }

/** 政府信息公开目录 (条例 Art.12): categories (their codes go into the 索引号), kept up to date by the publisher. */
export function CataloguePanel({ canEdit }: { canEdit: boolean }) {
  const q = useCatalogue();
  const save = useSaveCategory();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [form] = Form.useForm<{ code: string; name: string; description?: string }>();

  if (q.isError) return <ErrorResult error={q.error} onRetry={() => void q.refetch()} />;
  const submit = async () => {
    let v: { code: string; name: string; description?: string };
    try { v = await form.validateFields(); } catch { return; }
    try {
      await save.mutateAsync({ id: editing?.id, code: v.code.trim(), name: v.name.trim(), description: v.description?.trim() || null, ...(editing?.id ? {} : { parentId: editing?.parentId ?? null }) });
      message.success('目录已保存');
      setEditing(null);
    } catch (err) {
      applyServerErrors(form, err);
      message.error(errorMessage(err));
    }
  };
  const toggle = (n: CatalogueNode, active: boolean) => save.mutate({ id: n.id, active }, { onSuccess: () => message.success(active ? `已启用“${n.name}”` : `已停用“${n.name}”`), onError: (e) => message.error(errorMessage(e)) });

  return (
    <>
      <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Text type="secondary">目录编码用于生成索引号（机关代码/目录编码-年份-流水号）。停用的目录不再出现在门户网站和起草选项中。</Typography.Text>
        {canEdit && <Button icon={<PlusOutlined />} onClick={() => { setEditing({ parentId: null }); form.resetFields(); }}>新增一级目录</Button>}
      </Space>
      <Table<CatalogueNode> size="small" rowKey="id" loading={q.isPending} dataSource={q.data?.categories ?? []} pagination={false} expandable={{ defaultExpandAllRows: true, childrenColumnName: 'children' }}
        columns={[
          { title: '名称', dataIndex: 'name' },
          { title: '编码', dataIndex: 'code', width: 110 },
          { title: '说明', dataIndex: 'description', ellipsis: true, render: (d: string | null) => d ?? '' },
          { title: '状态', dataIndex: 'active', width: 100, render: (a: boolean, n) => <Switch size="small" checked={a} disabled={!canEdit} onChange={(x) => toggle(n, x)} aria-label={`${n.name} 启用状态`} /> },
          ...(canEdit ? [{
            title: '操作', key: 'op', width: 150,
            render: (_v: unknown, n: CatalogueNode) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => { setEditing({ id: n.id, parentId: n.parentId, code: n.code, name: n.name, description: n.description }); form.setFieldsValue({ code: n.code, name: n.name, description: n.description ?? undefined }); }}>编辑</Button>
                <Button type="link" size="small" onClick={() => { setEditing({ parentId: n.id }); form.resetFields(); form.setFieldsValue({ code: n.code }); }}>添加下级</Button>
              </Space>
            ),
          }] : []),
        ]} />
      <Modal open={editing !== null} title={editing?.id ? '修改目录' : '新增目录'} okText="保存" onCancel={() => setEditing(null)} onOk={() => void submit()} confirmLoading={save.isPending} forceRender>
        <Form form={form} layout="vertical">
          <Form.Item name="code" label="目录编码" rules={[{ required: true, message: '请填写目录编码' }, { pattern: /^[A-Za-z0-9]{1,12}$/, message: '1–12位字母或数字' }]}><Input /></Form.Item>
          <Form.Item name="name" label="目录名称" rules={[{ required: true, whitespace: true, message: '请填写目录名称' }, { max: 100 }]}><Input /></Form.Item>
          <Form.Item name="description" label="说明"><Input.TextArea rows={2} /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}
