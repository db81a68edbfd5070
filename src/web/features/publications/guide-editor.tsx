import { useEffect } from 'react';
import { Alert, App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { errorMessage } from '../../api/client.js';
import { ErrorResult } from '../../components/error-result.js';
import { PageLoading } from '../../components/page-loading.js';
import { formatDateTime } from '../../components/format.js';
import { useSaveGuide, useStaffGuide } from './workbench-hooks.js';

/** HTML of a section as editable text (paragraphs become lines). */
function toText(html: string): string {
  return html.replace(/<\/(p|li|h\d)>\s*/gi, '\n').replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]+>/g, '').replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/\n{3,}/g, '\n\n').trim();
}

/** 政府信息公开指南 (条例 Art.12: 应当及时更新), edited section by section and shown on the portal. */
export function GuideEditor({ canEdit }: { canEdit: boolean }) {
  const q = useStaffGuide();
  const save = useSaveGuide();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ sections: { title: string; body: string }[] }>();
  useEffect(() => { if (q.data) form.setFieldsValue({ sections: q.data.sections.map((s) => ({ title: s.title, body: toText(s.bodyHtml) })) }); }, [q.data, form]);
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <ErrorResult error={q.error} onRetry={() => void q.refetch()} />;
  const updatedAt = q.data.sections.map((s) => s.updatedAt).filter(Boolean).sort().at(-1);

  return (
    <Form form={form} layout="vertical" disabled={!canEdit} onFinish={(v) => save.mutate(v.sections, { onSuccess: () => message.success('公开指南已保存，门户网站已更新'), onError: (e) => message.error(errorMessage(e)) })}>
      {q.data.isDefault && <Alert type="info" showIcon style={{ marginBottom: 12 }} title="尚未编辑过公开指南：门户网站目前显示系统内置的指南（含申请方式、答复期限、收费和救济途径）。在这里保存后，门户网站改为显示这里的内容。" />}
      {updatedAt && <Typography.Paragraph type="secondary">最近更新：{formatDateTime(updatedAt)}</Typography.Paragraph>}
      <Form.List name="sections">
        {(fields, { add, remove, move }) => (
          <>
            {fields.map((f, i) => (
              <Card key={f.key} size="small" style={{ marginBottom: 12 }} title={`第 ${i + 1} 节`}
                extra={canEdit && (
                  <Space size={0}>
                    <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, i - 1)} aria-label="上移" />
                    <Button type="text" size="small" icon={<ArrowDownOutlined />} disabled={i === fields.length - 1} onClick={() => move(i, i + 1)} aria-label="下移" />
                    <Button type="text" size="small" danger icon={<DeleteOutlined />} onClick={() => remove(i)} aria-label="删除本节" />
                  </Space>
                )}>
                <Form.Item name={[f.name, 'title']} label="标题" rules={[{ required: true, whitespace: true, message: '请填写本节标题' }]}><Input /></Form.Item>
                <Form.Item name={[f.name, 'body']} label="内容" rules={[{ required: true, whitespace: true, message: '请填写本节内容' }]}><Input.TextArea autoSize={{ minRows: 3, maxRows: 14 }} /></Form.Item>
              </Card>
            ))}
            {canEdit && <Button icon={<PlusOutlined />} onClick={() => add({ title: '', body: '' })} style={{ marginBottom: 12 }}>添加一节</Button>}
          </>
        )}
      </Form.List>
      {canEdit && <div><Button type="primary" htmlType="submit" loading={save.isPending}>保存公开指南</Button></div>}
    </Form>
  );
}
