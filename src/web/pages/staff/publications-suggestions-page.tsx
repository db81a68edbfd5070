import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Alert, App, Button, Card, Empty, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { errorMessage } from '../../api/client.js';
import { useDismissSuggestion, useDraftFromSuggestion, useSuggestions, type Suggestion } from '../../features/publications/use-publication-insights.js';
import { hasAnyRole, useMe } from '../../features/auth/use-session.js';
import { ErrorResult } from '../../components/error-result.js';
import { formatDate } from '../../components/format.js';

/**
 * 依申请公开转主动公开 (条例第四十四条): information that several applicants asked for and that was disclosed, grouped
 * by similar request descriptions; the publisher turns a group into a draft (then reviewed like any draft) or records
 * why not.
 */
export function PublicationSuggestionsPage() {
  const me = useMe().data?.user;
  const canAct = hasAnyRole(me, ['publisher']);
  const q = useSuggestions();
  const draft = useDraftFromSuggestion();
  const dismiss = useDismissSuggestion();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [dismissing, setDismissing] = useState<Suggestion | null>(null);
  const [form] = Form.useForm<{ reason: string }>();

  const onDraft = async (s: Suggestion) => {
    try {
      const created = await draft.mutateAsync({ requestIds: s.requestIds, title: s.suggestedTitle });
      message.success('已生成主动公开草稿，请补充正文或附件后提交保密审查');
      navigate(`/staff/publications/${created.id}/edit`);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  const onDismiss = async () => {
    if (!dismissing) return;
    let reason: string;
    try {
      ({ reason } = await form.validateFields());
    } catch {
      return; // the form shows what is missing
    }
    try {
      await dismiss.mutateAsync({ requestIds: dismissing.requestIds, reason });
      message.success('已记录不予采纳的理由');
      setDismissing(null);
      form.resetFields();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  return (
    <>
      <div className="gk-page-title"><Typography.Title level={3}>转主动公开建议</Typography.Title></div>
      <Typography.Paragraph type="secondary">
        《政府信息公开条例》第四十四条：多个申请人就相同政府信息提出公开申请，且该政府信息属于可以公开的，行政机关可以纳入主动公开的范围。
        以下是近一年内多位申请人申请内容相近、且已予以公开或部分公开的信息{q.data && `（${formatDate(q.data.from)}至${formatDate(q.data.to)}）`}。
      </Typography.Paragraph>
      {q.isError && <ErrorResult error={q.error} onRetry={() => void q.refetch()} />}
      {q.data && q.data.suggestions.length === 0 && <Card><Empty description="暂无建议：没有多位申请人申请相同且已公开的信息" /></Card>}
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {q.data?.suggestions.map((s) => (
          <Card
            key={s.key}
            title={<Typography.Text strong ellipsis style={{ maxWidth: '100%' }}>{s.suggestedTitle}</Typography.Text>}
            extra={canAct && (
              <Space wrap>
                <Button type="primary" loading={draft.isPending} onClick={() => void onDraft(s)}>生成主动公开草稿</Button>
                <Button onClick={() => setDismissing(s)}>不予采纳</Button>
              </Space>
            )}
          >
            <Space wrap style={{ marginBottom: 12 }}>
              <Tag color="red">{s.applicantCount} 位申请人</Tag>
              <Tag color="green">{s.disclosedCount} 件已公开</Tag>
              <span>{formatDate(s.firstReceivedOn)} 至 {formatDate(s.lastReceivedOn)}</span>
              {s.topTerms.map((t) => <Tag key={t}>{t}</Tag>)}
            </Space>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={s.requests}
              scroll={{ x: 700 }}
              columns={[
                { title: '受理编号', dataIndex: 'ref', width: 150, render: (ref: string, r) => <Link to={`/staff/requests/${r.id}`}>{ref}</Link> },
                { title: '申请内容', dataIndex: 'description', ellipsis: true },
                { title: '收到日期', dataIndex: 'receivedOn', width: 130, render: (x: string | null) => formatDate(x) ?? '—' },
                { title: '办理结果', dataIndex: 'outcomeLabel', width: 120 },
              ]}
            />
          </Card>
        ))}
      </Space>
      {!canAct && q.data && q.data.suggestions.length > 0 && <Alert style={{ marginTop: 16 }} type="info" showIcon title="由发布员决定是否纳入主动公开" />}
      <Modal title="不予采纳" open={dismissing !== null} onOk={() => void onDismiss()} onCancel={() => setDismissing(null)} okText="确认" cancelText="取消" confirmLoading={dismiss.isPending} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="reason" label="理由" rules={[{ required: true, whitespace: true, message: '请填写不予采纳的理由' }]}>
            <Input.TextArea rows={3} placeholder="例如：申请内容涉及申请人本人的个人信息，不宜向社会公开" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
