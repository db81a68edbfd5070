import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { App, Button, Card, Empty, Input, InputNumber, Modal, Space, Tag, Typography } from 'antd';
import { errorMessage } from '../../api/client.js';
import { ErrorResult } from '../../components/error-result.js';
import { PageLoading } from '../../components/page-loading.js';
import { formatDate } from '../../components/format.js';
import { useDismissSuggestion, useDraftFromSuggestion, useSuggestions, type Suggestion } from './workbench-hooks.js';

/**
 * 条例第四十四条: information that several applicants asked for and that could be disclosed may be turned into a
 * proactive disclosure; the publisher drafts it in one click or records why not.
 */
export function SuggestionsPanel({ canAct }: { canAct: boolean }) {
  const [minApplicants, setMin] = useState(2);
  const q = useSuggestions(minApplicants);
  const draft = useDraftFromSuggestion();
  const dismiss = useDismissSuggestion();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [dismissing, setDismissing] = useState<Suggestion | null>(null);
  const [reason, setReason] = useState('');

  if (q.isPending) return <PageLoading />;
  if (q.isError) return <ErrorResult error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Typography.Text type="secondary">多个申请人就相同政府信息提出申请，且该信息可以公开的，可以纳入主动公开范围（条例第四十四条）。</Typography.Text>
        <span>至少 <InputNumber min={2} max={50} value={minApplicants} onChange={(v) => setMin(Number(v) || 2)} style={{ width: 64 }} aria-label="最少申请人数" /> 个申请人</span>
      </Space>
      {q.data.suggestions.length === 0 ? <Empty description="暂无建议：没有多个申请人申请相同信息的情况" /> : (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          {q.data.suggestions.map((s) => (
            <Card key={s.key} size="small" title={s.suggestedTitle}
              extra={canAct && (
                <Space>
                  <Button type="primary" size="small" loading={draft.isPending && draft.variables?.requestIds === s.requestIds}
                    onClick={() => draft.mutate({ requestIds: s.requestIds, title: s.suggestedTitle }, { onSuccess: (r) => { message.success('已生成主动公开草稿'); navigate(`/staff/publications/${r.id}`); }, onError: (e) => message.error(errorMessage(e)) })}>
                    生成主动公开草稿
                  </Button>
                  <Button size="small" onClick={() => { setDismissing(s); setReason(''); }}>不予采纳</Button>
                </Space>
              )}>
              <Space wrap style={{ marginBottom: 8 }}>
                <Tag color="blue">{s.applicantCount} 个申请人</Tag>
                <Tag color="green">已公开 {s.disclosedCount} 件</Tag>
                {s.topTerms.slice(0, 6).map((t) => <Tag key={t}>{t}</Tag>)}
                <Typography.Text type="secondary">{formatDate(s.firstReceivedOn)} 至 {formatDate(s.lastReceivedOn)}</Typography.Text>
              </Space>
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {s.requests.map((r) => <li key={r.id}><Typography.Text code>{r.ref}</Typography.Text> {r.description}（{r.outcomeLabel}）</li>)}
              </ul>
            </Card>
          ))}
        </Space>
      )}
      <Modal open={dismissing !== null} title="不予采纳" okText="确定" onCancel={() => setDismissing(null)} okButtonProps={{ disabled: !reason.trim(), loading: dismiss.isPending }}
        onOk={() => dismissing && dismiss.mutate({ requestIds: dismissing.requestIds, reason: reason.trim() }, { onSuccess: () => { message.success('已记录不予采纳的理由'); setDismissing(null); }, onError: (e) => message.error(errorMessage(e)) })}>
        <Typography.Paragraph type="secondary">请说明不纳入主动公开的理由（将记入审计日志）。</Typography.Paragraph>
        <Input.TextArea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} aria-label="不予采纳的理由" />
      </Modal>
    </>
  );
}
