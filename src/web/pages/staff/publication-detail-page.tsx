import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, App, Breadcrumb, Button, Card, Col, DatePicker, Descriptions, Empty, Form, Input, Modal, Popconfirm, Radio, Row, Space, Tag, Timeline, Typography, Upload } from 'antd';
import { DeleteOutlined, EditOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { PUBLICATION_CHANNEL_LABELS_ZH } from '../../../shared/publications.js';
import { errorMessage } from '../../api/client.js';
import { applyServerErrors } from '../../components/form-errors.js';
import { ErrorResult } from '../../components/error-result.js';
import { PageLoading } from '../../components/page-loading.js';
import { HtmlFragment } from '../../components/html-fragment.js';
import { formatDate, formatDateTime } from '../../components/format.js';
import { dayjs } from '../../locale.js';
import { usePublication, usePublicationEvent, useRemoveAttachment, useUploadAttachment, type PublicationDetail } from '../../features/publications/use-publications.js';
import { TimelinessTag } from './publications-page.js';

const REASON_REQUIRED = new Set(['review_rejected', 'approval_returned', 'withdrawn']);
const DANGER = new Set(['review_rejected', 'approval_returned', 'withdrawn']);
const HINTS: Record<string, string> = {
  submitted: '提交后由保密审查员（非起草人）审查；审查期间不能修改。',
  review_passed: '依照《保守国家秘密法》等规定审查拟公开的信息（条例第十七条，先审查后公开、一事一审）。',
  review_rejected: '退回起草人修改，请写明需要处理的内容。',
  approved: '审核同意后由发布员发布。',
  approval_returned: '退回起草人修改，请写明理由。',
  published: '发布后信息将出现在门户网站“主动公开”栏目，并生成索引号。',
  withdrawn: '撤回后门户网站不再显示该信息，请写明理由。',
  reopened: '重新编辑后须重新经过保密审查和审核。',
  validity_changed: '变更文件的效力状态（有效、废止、失效）。',
};

interface EventValues { reason?: string; syncWaiverReason?: string; validity?: 'effective' | 'repealed' | 'invalid'; validityChangedOn?: Dayjs }

function EventModal({ p, type, label, onClose }: { p: PublicationDetail; type: string | null; label: string; onClose: () => void }) {
  const [form] = Form.useForm<EventValues>();
  const record = usePublicationEvent(p.id);
  const { message } = App.useApp();
  if (type === null) return null;
  const needsWaiver = (type === 'approved' || type === 'review_passed') && !p.sync.ok;
  const submit = async () => {
    let v: EventValues;
    try { v = await form.validateFields(); } catch { return; }
    try {
      await record.mutateAsync({
        type: type as never,
        reason: v.reason?.trim() || undefined,
        syncWaiverReason: v.syncWaiverReason?.trim() || undefined,
        validity: v.validity,
        validityChangedOn: v.validityChangedOn ? v.validityChangedOn.format('YYYY-MM-DD') : undefined,
      });
      message.success(`${label}：已完成`);
      onClose();
    } catch (err) {
      applyServerErrors(form, err);
      message.error(errorMessage(err));
    }
  };
  return (
    <Modal open title={label} onCancel={onClose} onOk={() => void submit()} okText="确定" okButtonProps={{ danger: DANGER.has(type), loading: record.isPending }} destroyOnHidden>
      {HINTS[type] && <Typography.Paragraph type="secondary">{HINTS[type]}</Typography.Paragraph>}
      <Form form={form} layout="vertical" preserve={false} initialValues={{ validity: p.validity, validityChangedOn: dayjs() }}>
        {REASON_REQUIRED.has(type) && (
          <Form.Item name="reason" label="理由" rules={[{ required: true, whitespace: true, message: '请写明理由' }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        )}
        {needsWaiver && (
          <Form.Item name="syncWaiverReason" label="未同步发布政策解读的理由（三同步）" extra={p.sync.message ?? undefined}>
            <Input.TextArea rows={2} />
          </Form.Item>
        )}
        {type === 'validity_changed' && (
          <>
            <Form.Item name="validity" label="效力状态" rules={[{ required: true }]}>
              <Radio.Group options={[{ value: 'effective', label: '有效' }, { value: 'repealed', label: '废止' }, { value: 'invalid', label: '失效' }]} />
            </Form.Item>
            <Form.Item name="validityChangedOn" label="废止/失效日期">
              <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
          </>
        )}
        {!REASON_REQUIRED.has(type) && !needsWaiver && type !== 'validity_changed' && <Typography.Text>确定{label}？</Typography.Text>}
      </Form>
    </Modal>
  );
}

function Attachments({ p }: { p: PublicationDetail }) {
  const upload = useUploadAttachment(p.id);
  const remove = useRemoveAttachment(p.id);
  const { message } = App.useApp();
  const editable = p.state === 'draft';
  return (
    <Card size="small" title="附件" style={{ marginBottom: 16 }}
      extra={p.state === 'draft' && (
        <Upload showUploadList={false} customRequest={({ file, onSuccess, onError }) => upload.mutate(file as File, {
          onSuccess: (r) => { message.success('附件已上传'); onSuccess?.(r); },
          onError: (e) => { message.error(errorMessage(e)); onError?.(e as Error); },
        })}>
          <Button size="small" icon={<UploadOutlined />} loading={upload.isPending}>上传附件</Button>
        </Upload>
      )}>
      {p.attachments.length === 0 ? <Typography.Text type="secondary">无附件</Typography.Text> : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {p.attachments.map((a) => (
            <Space key={a.id} style={{ width: '100%', justifyContent: 'space-between' }}>
              <a href={`/api/publications/attachments/${a.id}`} target="_blank" rel="noreferrer"><PaperClipOutlined /> {a.filename}</a>
              {editable && (
                <Popconfirm title="删除该附件？" okText="删除" cancelText="取消" onConfirm={() => remove.mutate(a.id, { onError: (e) => message.error(errorMessage(e)) })}>
                  <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`删除 ${a.filename}`} />
                </Popconfirm>
              )}
            </Space>
          ))}
        </Space>
      )}
      {p.state === 'draft' && <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>支持 PDF、OFD、Word、Excel 和图片，按文件内容识别类型。</Typography.Paragraph>}
    </Card>
  );
}

/** One proactive disclosure in the workbench: content, 三同步, timeliness, log and the actions open to the viewer. */
export function PublicationDetailPage() {
  const id = Number(useParams().id);
  const q = usePublication(id);
  const [action, setAction] = useState<{ type: string; label: string } | null>(null);
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <ErrorResult error={q.error} onRetry={() => void q.refetch()} />;
  const p = q.data;
  const canEdit = p.state === 'draft' && p.actions.some((a) => a.type === 'submitted');

  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/staff/publications">主动公开</Link> }, { title: p.title }]} />
      <div className="gk-page-title">
        <Space wrap>
          <Typography.Title level={3}>{p.title}</Typography.Title>
          <Tag color={p.state === 'published' ? 'green' : p.state === 'pending_review' ? 'gold' : 'blue'}>{p.stateLabel}</Tag>
          <TimelinessTag t={p.timeliness} />
        </Space>
      </div>
      {!p.sync.ok && p.sync.message && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="三同步" description={p.sync.message} />}
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card size="small" title="办理操作" style={{ marginBottom: 16 }}>
            {p.actions.length === 0 && !canEdit ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={p.isAuthor && p.state === 'pending_review' ? '保密审查须由起草人以外的人员进行' : '当前没有需要您办理的操作'} />
            ) : (
              <Space wrap>
                {canEdit && <Link to={`/staff/publications/${p.id}/edit`}><Button icon={<EditOutlined />}>修改草稿</Button></Link>}
                {p.actions.map((a) => (
                  <Button key={a.type} data-action={a.type} type={DANGER.has(a.type) ? 'default' : 'primary'} danger={DANGER.has(a.type)} onClick={() => setAction(a)}>{a.label}</Button>
                ))}
              </Space>
            )}
          </Card>
          <Card size="small" title="正文" style={{ marginBottom: 16 }}>
            {p.summary && <Typography.Paragraph type="secondary">{p.summary}</Typography.Paragraph>}
            {p.bodyHtml ? <HtmlFragment html={p.bodyHtml} title="正文" /> : <Typography.Text type="secondary">（无正文）</Typography.Text>}
          </Card>
          <Attachments p={p} />
        </Col>
        <Col xs={24} xl={9}>
          <Card size="small" title="目录信息" style={{ marginBottom: 16 }}>
            <Descriptions column={1} size="small" styles={{ label: { width: 96, whiteSpace: 'nowrap' } }}
              items={[
                { key: 'i', label: '索引号', children: p.indexNo ?? '发布时生成' },
                { key: 'c', label: '公开目录', children: p.category?.name ?? '—' },
                { key: 't', label: '主题分类', children: p.topic ?? '—' },
                { key: 'd', label: '文号', children: p.docNumber ?? '—' },
                { key: 'is', label: '发布机构', children: p.issuer ?? '—' },
                { key: 'w', label: '成文日期', children: formatDate(p.writtenOn) ?? '—' },
                { key: 'f', label: '形成日期', children: formatDate(p.formedOn) ?? '—' },
                { key: 'due', label: '应公开日期', children: p.timeliness?.dueOn ? `${formatDate(p.timeliness.dueOn)}前（条例第二十六条）` : '—' },
                { key: 'p', label: '发布日期', children: formatDate(p.publishedOn) ?? '—' },
                { key: 'k', label: '文件类别', children: p.normativeKindLabel ?? '一般信息' },
                { key: 'v', label: '效力状态', children: `${p.validityLabel}${p.validityChangedOn ? `（${formatDate(p.validityChangedOn)}）` : ''}` },
                { key: 'ch', label: '发布渠道', children: (p.channels ?? []).map((c) => PUBLICATION_CHANNEL_LABELS_ZH[c as keyof typeof PUBLICATION_CHANNEL_LABELS_ZH] ?? c).join('、') || '—' },
                { key: 'dep', label: '责任单位', children: p.department?.name ?? '—' },
              ]}
            />
            {(p.interprets || p.interpretations.length > 0) && (
              <div style={{ marginTop: 8 }}>
                <Typography.Text strong>{p.interprets ? '解读的文件' : '政策解读'}</Typography.Text>
                <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }}>
                  {(p.interprets ? [p.interprets] : p.interpretations).map((x) => <li key={x.id}><Link to={`/staff/publications/${x.id}`}>{x.title}</Link>（{x.stateLabel}）</li>)}
                </ul>
              </div>
            )}
          </Card>
          <Card size="small" title="流程记录">
            <Timeline items={p.events.map((e) => ({
              key: e.seq,
              color: e.type === 'review_rejected' || e.type === 'approval_returned' || e.type === 'withdrawn' ? 'red' : e.type === 'published' || e.type === 'review_passed' ? 'green' : 'blue',
              content: (
                <div>
                  <Typography.Text strong>{formatDate(e.on)}　{e.label}</Typography.Text>
                  {typeof e.payload?.reason === 'string' && <div className="gk-pre">理由：{e.payload.reason}</div>}
                  {typeof e.payload?.syncWaiverReason === 'string' && <div className="gk-pre">未同步解读的理由：{e.payload.syncWaiverReason}</div>}
                  <div style={{ color: '#9ca3af', fontSize: 12 }}>{e.actorName ?? '系统'} · {formatDateTime(e.at)}</div>
                </div>
              ),
            }))} />
          </Card>
        </Col>
      </Row>
      {action && <EventModal p={p} type={action.type} label={action.label} onClose={() => setAction(null)} />}
    </>
  );
}
