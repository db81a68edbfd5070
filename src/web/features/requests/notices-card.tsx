import { useState } from 'react';
import { App, Button, Card, Dropdown, Modal, Space, Typography } from 'antd';
import { DownOutlined, EyeOutlined } from '@ant-design/icons';
import { NOTICE_TYPES, NOTICE_TYPE_LABELS, type NoticeType } from '../../../core/notices/types.js';
import { errorMessage } from '../../api/client.js';
import type { RequestDetail } from '../../api/types.js';
import { NoticeFrame, OpenInNewWindow } from '../../components/notice-frame.js';
import { ErrorResult } from '../../components/error-result.js';
import { formatDate } from '../../components/format.js';
import { hasAnyRole, useMe } from '../auth/use-session.js';
import { useIssueNotice, useIssuedNotice, useNoticePreview } from './use-requests.js';

/** Notices no event issues by itself: the office issues them on purpose (Art.35; Art.32 last sentence). */
const MANUAL_TYPES: readonly NoticeType[] = ['delay', 'third-party-decision'];

export const noticeLabel = (t: string) => NOTICE_TYPE_LABELS[t as NoticeType] ?? t;

export type NoticeView = { kind: 'preview'; type: string } | { kind: 'issued'; noticeId: number; title: string };

/** The notice in a modal: a preview built now, or the stored text of an issued one. */
export function NoticeModal({ requestId, view, onClose }: { requestId: number; view: NoticeView | null; onClose: () => void }) {
  const preview = useNoticePreview(requestId, view?.kind === 'preview' ? view.type : null);
  const issued = useIssuedNotice(requestId, view?.kind === 'issued' ? view.noticeId : null);
  const issue = useIssueNotice(requestId);
  const { message } = App.useApp();
  const me = useMe().data?.user;
  const q = view?.kind === 'issued' ? issued : preview;
  const canIssue = view?.kind === 'preview' && MANUAL_TYPES.includes(view.type as NoticeType) && hasAnyRole(me, ['registrar', 'reviewer']);
  const title = view === null ? '' : view.kind === 'preview' ? `预览：${noticeLabel(view.type)}（未编号）` : view.title;
  return (
    <Modal open={view !== null} title={title} onCancel={onClose} width={880} destroyOnHidden
      footer={
        <Space>
          {canIssue && view?.kind === 'preview' && (
            <Button type="primary" loading={issue.isPending} disabled={!preview.data}
              onClick={() => issue.mutate(view.type, { onSuccess: (n) => { message.success(`已出具${noticeLabel(view.type)}${n.docNumber ? `，文号 ${n.docNumber}` : ''}`); onClose(); }, onError: (e) => message.error(errorMessage(e)) })}>
              出具并编号
            </Button>
          )}
          <Button onClick={onClose}>关闭</Button>
        </Space>
      }>
      {q.isPending && <Typography.Text type="secondary">正在生成…</Typography.Text>}
      {q.isError && <ErrorResult error={q.error} title="不能生成该文书" />}
      {q.data && <><OpenInNewWindow html={q.data.html} /><NoticeFrame html={q.data.html} title={title} /></>}
    </Modal>
  );
}

/** The request's notices (issued ones with downloads) and previews of any notice type. */
export function NoticesCard({ detail, onOpen }: { detail: RequestDetail; onOpen: (v: NoticeView) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <Card title="文书" size="small" style={{ marginBottom: 16 }}
      extra={
        <Dropdown open={open} onOpenChange={setOpen} trigger={['click']}
          menu={{ items: NOTICE_TYPES.map((t) => ({ key: t, label: NOTICE_TYPE_LABELS[t] })), onClick: ({ key }) => { setOpen(false); onOpen({ kind: 'preview', type: key }); } }}>
          <Button size="small" icon={<EyeOutlined />}>预览文书 <DownOutlined /></Button>
        </Dropdown>
      }>
      {detail.notices.length === 0 ? (
        <Typography.Text type="secondary">尚未出具文书</Typography.Text>
      ) : (
        <div>
          {detail.notices.map((n) => (
            <div key={n.id} style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8, padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}>
              <div style={{ minWidth: 0 }}>
                <div>{noticeLabel(n.type)}{n.docNumber && <Typography.Text type="secondary">（{n.docNumber}）</Typography.Text>}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDate(n.issuedOn) ?? '—'}</Typography.Text>
              </div>
              <Space size={4} style={{ flex: 'none' }}>
                <Button size="small" type="link" onClick={() => onOpen({ kind: 'issued', noticeId: n.id, title: `${noticeLabel(n.type)}${n.docNumber ? `（${n.docNumber}）` : ''}` })}>查看</Button>
                <a href={`/api/requests/${detail.id}/notices/${n.id}?format=docx`} download>Word</a>
              </Space>
            </div>
          ))}
        </div>
      )}
    </Card>
  );
}
