import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Breadcrumb, Button, Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { OUTCOME_LABELS } from '../../../core/requests/outcomes.js';
import { defaultLegalBasis } from '../../../core/requests/default-legal-basis.js';
import { ApiError, errorMessage } from '../../api/client.js';
import type { RequestDetail } from '../../api/types.js';
import { ActionModal, ActionPanel, type PendingAction } from '../../features/requests/action-panel.js';
import { DeadlineDetails } from '../../features/requests/deadline-card.js';
import { DueCountdown } from '../../features/requests/due-countdown.js';
import { RequestStateTag } from '../../features/requests/request-state-tag.js';
import { RequestTimeline } from '../../features/requests/request-timeline.js';
import { applicantTypeLabel, channelLabel } from '../../features/requests/labels.js';
import { useNoticePreview, useRequestDetail } from '../../features/requests/use-requests.js';
import { NoticeModal, NoticesCard, type NoticeView } from '../../features/requests/notices-card.js';
import { DELIVERY_LABELS, FORMAT_LABELS } from '../../features/public/apply-options.js';
import { ErrorResult } from '../../components/error-result.js';
import { PageLoading } from '../../components/page-loading.js';
import { formatDate } from '../../components/format.js';
import { dayjs } from '../../locale.js';

/**
 * The legal basis exactly as the 答复书 will print it: taken from the preview, which is built by the same function
 * (core buildNotice) over the same data as the issued notice — never from the handler's free text (issue 11).
 */
function ReplyLegalBasis({ requestId }: { requestId: number }) {
  const q = useNoticePreview(requestId, 'reply');
  if (q.isPending) return <Typography.Text type="secondary">正在生成…</Typography.Text>;
  if (q.isError) return <Typography.Text type="danger">{errorMessage(q.error)}</Typography.Text>;
  const content = (q.data as { content?: { paragraphs: { kind: string; text: string }[] } }).content;
  const basis = content?.paragraphs.filter((p) => p.kind === 'legal_basis').map((p) => p.text) ?? [];
  return <span className="gk-pre">{basis.join('\n')}</span>;
}

function DraftCard({ detail, onPreview }: { detail: RequestDetail; onPreview: () => void }) {
  const draft = detail.view.draft;
  if (!draft) return null;
  const status = detail.view.repliedOn ? '已发出' : detail.view.clearedOn ? '已通过保密审查，待发出' : detail.view.approvedOn ? '已审核，待保密审查' : '待审核';
  return (
    <Card title="答复" size="small" style={{ marginBottom: 16 }} extra={<Space><Tag color="blue">{status}</Tag><Button size="small" icon={<EyeOutlined />} onClick={onPreview}>预览答复书</Button></Space>}>
      <Descriptions column={1} size="small" styles={{ label: { width: 96 } }}
        items={[
          { key: 'o', label: '办理结果', children: <strong>{OUTCOME_LABELS[draft.outcome] ?? draft.outcome}</strong> },
          { key: 'b', label: '答复书法律依据', children: detail.view.repliedOn ? draft.legalBasis : <ReplyLegalBasis requestId={detail.id} /> },
          ...(draft.reasons ? [{ key: 'r', label: '理由', children: <span className="gk-pre">{draft.reasons}</span> }] : []),
          ...(draft.thirdParty ? [{ key: 't', label: '第三方', children: draft.thirdParty.name }] : []),
          ...(draft.otherAgency ? [{ key: 'a', label: '负责机关', children: `${draft.otherAgency.name}（${draft.otherAgency.contact}）` }] : []),
          ...(draft.body ? [{ key: 'body', label: '正文', children: <span className="gk-pre">{draft.body}</span> }] : []),
          { key: 'd', label: '起草日期', children: formatDate(draft.draftedOn) },
          ...(detail.view.documentNo ? [{ key: 'n', label: '文号', children: detail.view.documentNo }] : []),
        ]}
      />
      {detail.view.returns.length > 0 && (
        <Alert style={{ marginTop: 8 }} type="warning" showIcon title="退回记录"
          description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{detail.view.returns.map((r, i) => <li key={i}>{formatDate(r.on)} {r.stage === 'review' ? '审核退回' : '保密审查退回'}：{r.comment}</li>)}</ul>} />
      )}
    </Card>
  );
}

/** Request detail: header with state and countdown, applicant, duplicate warning, timeline and the allowed actions. */
export function RequestDetailPage() {
  const id = Number(useParams().id);
  const detailQuery = useRequestDetail(id);
  const [action, setAction] = useState<PendingAction | null>(null);
  const [notice, setNotice] = useState<NoticeView | null>(null);

  if (!Number.isInteger(id) || id <= 0) return <ErrorResult error={new ApiError({ status: 404, id: 'not_found', code: 'NOT_FOUND', message: '申请编号无效' })} />;
  if (detailQuery.isPending) return <PageLoading />;
  if (detailQuery.isError) return <ErrorResult error={detailQuery.error} onRetry={() => void detailQuery.refetch()} />;
  const d = detailQuery.data;
  const a = d.applicant;
  const canDraft = d.allowedActions.includes('reply_drafted');

  const treatAsDuplicate = () => {
    if (!d.duplicateOf) return;
    setAction({
      type: 'reply_drafted',
      preset: {
        outcome: 'not_processed_duplicate',
        legalBasis: defaultLegalBasis('not_processed_duplicate', d.view.regime),
        reasons: `申请人此前已就相同政府信息提出公开申请（受理编号 ${d.duplicateOf.ref}），本机关已作出答复。`,
        previousReply: d.duplicateOf.repliedOn ? { repliedOn: dayjs(d.duplicateOf.repliedOn) } : undefined,
      },
    });
  };

  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/staff/requests">申请管理</Link> }, { title: d.ref }]} />
      <div className="gk-page-title">
        <Space wrap align="center">
          <Typography.Title level={3}>申请 {d.ref}</Typography.Title>
          <RequestStateTag state={d.state} label={d.stateLabel} color={d.stateColor} />
          {d.due && <DueCountdown workingDaysLeft={d.due.workingDaysLeft} dueState={d.due.state} dueOn={d.due.dueOn} paused={d.due.paused} provisional={d.view.deadline?.provisional} />}
          {!d.due && d.view.deadline?.pausedSince && <Tag>计时暂停（剩余 {d.view.deadline.remainingWorkingDays ?? '—'} 个工作日）</Tag>}
          {d.view.outcome && <Tag color="green">{OUTCOME_LABELS[d.view.outcome]}</Tag>}
        </Space>
        {d.trackingCode && <Typography.Text type="secondary">查询码 {d.trackingCode}</Typography.Text>}
      </div>

      {d.duplicateOf && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="疑似重复申请"
          description={
            <span>
              同一申请人曾提出相同或相近的申请：{d.duplicateOf.visible && d.duplicateOf.description !== null
                ? <><Link to={`/staff/requests/${d.duplicateOf.id}`}>{d.duplicateOf.ref}</Link>（{d.duplicateOf.description.slice(0, 60)}{d.duplicateOf.description.length > 60 ? '…' : ''}）</>
                : <>{d.duplicateOf.ref}（由其他承办单位办理，内容不在您的查看范围内）</>}
              {d.duplicateOf.outcome ? `，已答复：${OUTCOME_LABELS[d.duplicateOf.outcome as keyof typeof OUTCOME_LABELS] ?? d.duplicateOf.outcome}` : '，尚未答复'}。
            </span>
          }
          action={canDraft && !d.view.draft && d.duplicateOf.repliedOn ? <Button size="small" type="primary" onClick={treatAsDuplicate}>按重复申请处理</Button> : undefined}
        />
      )}

      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card title="办理操作" size="small" style={{ marginBottom: 16 }}>
            <ActionPanel detail={d} onAction={setAction} />
          </Card>
          <Card title="申请内容" size="small" style={{ marginBottom: 16 }}>
            <Typography.Paragraph className="gk-pre" style={{ marginBottom: 12 }}>{d.description}</Typography.Paragraph>
            <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered
              items={[
                { key: 'ch', label: '申请方式', children: channelLabel(d.channel) },
                { key: 'src', label: '来源', children: d.source === 'online' ? '网上申请' : d.source === 'import' ? '台账导入' : '窗口登记' },
                { key: 'dm', label: '获取方式', children: DELIVERY_LABELS[d.deliveryMethod ?? ''] ?? '—' },
                { key: 'fm', label: '载体形式', children: FORMAT_LABELS[d.format ?? ''] ?? '—' },
                ...(d.view.receiptEvidence ? [{ key: 'ev', label: '收到凭证', span: 'filled' as const, children: d.view.receiptEvidence }] : []),
              ]}
            />
          </Card>
          <DraftCard detail={d} onPreview={() => setNotice({ kind: 'preview', type: 'reply' })} />
          <Card title="办理记录" size="small" style={{ marginBottom: 16 }}>
            <RequestTimeline detail={d} />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card title="答复期限" size="small" style={{ marginBottom: 16 }}>
            <DeadlineDetails detail={d} />
          </Card>
          <Card title="申请人" size="small" style={{ marginBottom: 16 }}>
            {a ? (
              <Descriptions column={1} size="small" styles={{ label: { width: 80 } }}
                items={[
                  { key: 'n', label: a.type === 'natural' ? '姓名' : '名称', children: a.name },
                  { key: 't', label: '类型', children: applicantTypeLabel(a.type) },
                  { key: 'id', label: '证件', children: a.idNumber ? <span>{a.idNumber}<br /><Typography.Text type="secondary" style={{ fontSize: 12 }}>{a.idType}</Typography.Text></span> : '未提供' },
                  ...(a.type === 'natural' ? [] : [{ key: 'c', label: '联系人', children: a.contactName ?? '—' }]),
                  { key: 'p', label: '电话', children: a.phone ?? '—' },
                  { key: 'e', label: '邮箱', children: a.email ?? '—' },
                  { key: 'ad', label: '地址', children: a.address ?? '—' },
                ]}
              />
            ) : <Typography.Text type="secondary">无申请人信息</Typography.Text>}
          </Card>
          <Card title="承办单位" size="small" style={{ marginBottom: 16 }}>
            {d.departments.length === 0 ? <Typography.Text type="secondary">尚未分派</Typography.Text> : (
              <Space wrap>{d.departments.map((x) => <Tag key={x.id} color={x.role === 'lead' ? 'red' : 'default'}>{x.role === 'lead' ? '主办' : '协办'}：{x.name}</Tag>)}</Space>
            )}
          </Card>
          <NoticesCard detail={d} onOpen={setNotice} />
        </Col>
      </Row>
      <ActionModal detail={d} action={action} onClose={() => setAction(null)} />
      <NoticeModal requestId={d.id} view={notice} onClose={() => setNotice(null)} />
    </>
  );
}
