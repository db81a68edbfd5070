import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Space, Switch, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { CatalogueNode } from '../../../shared/publications.js';
import { errorMessage } from '../../api/client.js';
import { applyServerErrors } from '../../components/form-errors.js';
import { ErrorResult } from '../../components/error-result.js';
import { useCatalogue } from './use-publications.js';
import { usePublicationSettings, useSaveCategory, useSavePublicationSettings } from './workbench-hooks.js';

/**
 * 索引号机关代码: the agency part of every new 索引号. Publishing is refused until it is set; the office may enter its
 * 组织机构代码 or its 统一社会信用代码 (the server keeps characters 9–17, the 组织机构代码).
 */
function AgencyCodeCard({ canEdit }: { canEdit: boolean }) {
  const q = usePublicationSettings(canEdit);
  const save = useSavePublicationSettings();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ agencyCode: string }>();
  if (!canEdit || !q.data) return null;
  const code = q.data.agencyCode;
  const submit = async ({ agencyCode }: { agencyCode: string }) => {
    try {
      const saved = await save.mutateAsync({ agencyCode });
      message.success(`索引号机关代码已设为 ${saved.agencyCode}`);
      form.resetFields();
    } catch (err) {
      applyServerErrors(form, err);
      form.setFields([{ name: 'agencyCode', errors: [errorMessage(err)] }]);
    }
  };
  return (
    <Card size="small" title="索引号机关代码" style={{ marginBottom: 16 }} data-testid="agency-code-card">
      {code
        ? <Typography.Paragraph style={{ marginBottom: 8 }}>当前：<Typography.Text strong copyable>{code}</Typography.Text>　新发布信息的索引号形如 <Typography.Text code>{code}/030102-2026-00001</Typography.Text>（机关代码/目录编码-年份-流水号）。</Typography.Paragraph>
        : <Alert type="warning" showIcon style={{ marginBottom: 8 }} title="尚未设置索引号机关代码，设置前不能发布主动公开信息" description="请填写本机关的组织机构代码（9位），或统一社会信用代码（18位，系统取其第9至17位即组织机构代码）。" />}
      <Form form={form} layout="inline" onFinish={(v) => void submit(v)} aria-label="索引号机关代码">
        <Form.Item name="agencyCode" label={code ? '修改为' : '机关代码'} rules={[{ required: true, whitespace: true, message: '请填写组织机构代码或统一社会信用代码' }]}>
          <Input placeholder="如 11510100MB0143028X 或 MB0143028" style={{ width: 260 }} maxLength={20} />
        </Form.Item>
        <Form.Item><Button htmlType="submit" type={code ? 'default' : 'primary'} loading={save.isPending}>保存</Button></Form.Item>
      </Form>
    </Card>
  );
}

/** Leaves without a `children` array, so the table shows no expand button on them. */
function withoutEmptyChildren(nodes: CatalogueNode[]): CatalogueNode[] {
  return nodes.map((n) => (n.children?.length ? { ...n, children: withoutEmptyChildren(n.children) } : { ...n, children: undefined as unknown as CatalogueNode[] }));
}

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
      <AgencyCodeCard canEdit={canEdit} />
      <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Text type="secondary">目录按国办公开办函〔2019〕61号设置，与门户网站的政府信息公开目录相同；目录编码用于生成索引号（机关代码/目录编码-年份-流水号）。停用的目录不再出现在门户网站和起草选项中。</Typography.Text>
        {canEdit && <Button icon={<PlusOutlined />} onClick={() => { setEditing({ parentId: null }); form.resetFields(); }}>新增一级目录</Button>}
      </Space>
      <Table<CatalogueNode> key={q.data ? 'loaded' : 'loading'} size="small" rowKey="id" loading={q.isPending} dataSource={withoutEmptyChildren(q.data?.categories ?? [])} pagination={false} expandable={{ defaultExpandAllRows: true, childrenColumnName: 'children' }}
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
