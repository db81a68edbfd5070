import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Empty, Input, Modal, Space, Steps, Table, Tag, Typography } from 'antd';
import { CheckOutlined, GlobalOutlined, RollbackOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import type { ReportFormat } from '../../../core/reports/formats.js';
import { ApiError, errorMessage } from '../../api/client.js';
import { hasAnyRole, useMe } from '../auth/use-session.js';
import { formatDate } from '../../components/format.js';
import { useReportAction, useReportPublishing, type ReportAction, type ReportVersionView } from './use-annual-report.js';

const STATE_COLORS: Record<string, string> = {
  pending_review: 'gold', pending_approval: 'orange', approved: 'blue', published: 'green', superseded: 'default', withdrawn: 'red', returned: 'default',
};
const STEP_OF: Record<string, number> = { pending_review: 1, pending_approval: 2, approved: 3, published: 4 };

/** The reasons a refusal carries (details.problems), or its message. */
function reasonsOf(err: unknown): string[] {
  if (err instanceof ApiError && err.problems.length > 1) return err.problems.map((p) => p.message);
  return [errorMessage(err)];
}

type Dialog = null | { kind: 'publish' } | { kind: 'withdraw' } | { kind: 'return'; version: number; step: 'review_rejected' | 'approval_returned' };

/**
 * 发布到门户 (条例 Art.17, 49): what stops the year's report from being submitted, the submission (with an explanation
 * for each failing check, and a 更正说明 when correcting), 保密审查, 审核, publishing with the year typed in, withdrawal,
 * and every version.
 */
export function PublishingPanel({ year, format }: { year: number; format: ReportFormat | undefined }) {
  const status = useReportPublishing(year, format);
  const action = useReportAction(year, format);
  const me = useMe().data?.user;
  const { message } = App.useApp();
  const [explanations, setExplanations] = useState<Record<string, string>>({});
  const [correctionNote, setCorrectionNote] = useState('');
  const [refused, setRefused] = useState<string[] | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [text, setText] = useState('');

  if (status.isPending) return <Card loading />;
  if (status.isError) return <Alert type="error" showIcon title={errorMessage(status.error)} />;
  const s = status.data;
  const open = s.open;
  const canSubmit = hasAnyRole(me, ['registrar', 'reviewer', 'publisher', 'admin']);
  const canRelease = hasAnyRole(me, ['publisher', 'reviewer', 'admin']);
  const blocking = s.problems.filter((p) => p.kind !== 'check');

  const run = (a: ReportAction, done: string) => {
    setRefused(null);
    action.mutate(a, {
      onSuccess: () => { message.success(done); setDialog(null); setText(''); },
      onError: (err) => { setRefused(reasonsOf(err)); setDialog(null); },
    });
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="report-publishing">
      <Steps size="small" current={open ? STEP_OF[open.state] : s.published ? 4 : 0}
        items={[{ title: '提交发布' }, { title: '保密审查' }, { title: '审核' }, { title: '发布' }, { title: '已在门户公开' }]} />

      {blocking.length > 0 && !refused && (
        <Alert type="warning" showIcon title={`${year}年度报告暂不能提交发布`} data-testid="publish-blockers"
          description={<ul style={{ margin: 0, paddingLeft: 20 }}>{blocking.map((p) => <li key={p.message}>{p.message}</li>)}</ul>} />
      )}
      {refused && (
        <Alert type="error" showIcon closable onClose={() => setRefused(null)} title="未能办理" data-testid="publish-refused"
          description={<ul style={{ margin: 0, paddingLeft: 20 }}>{refused.map((m) => <li key={m}>{m}</li>)}</ul>} />
      )}

      {!open && canSubmit && (
        <Card size="small" title={s.published ? '提交更正版本' : '提交发布'}>
          {s.failingChecks.length > 0 && (
            <>
              <Typography.Paragraph>以下校验未通过。数据按记录如实统计，未作调整；如确认无误，请逐项说明原因（将随报告提交审查）：</Typography.Paragraph>
              {s.failingChecks.map((c) => (
                <div key={c.rule} style={{ marginBottom: 12 }}>
                  <Typography.Text type="danger">{c.rule}</Typography.Text>
                  <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>{c.detail}</Typography.Paragraph>
                  <Input.TextArea rows={2} aria-label={`说明：${c.rule}`} value={explanations[c.rule] ?? ''} onChange={(e) => setExplanations({ ...explanations, [c.rule]: e.target.value })} />
                </div>
              ))}
            </>
          )}
          {s.published && (
            <div style={{ marginBottom: 12 }}>
              <Typography.Paragraph>本年度报告已发布。更正须提交新版本，经保密审查和审核后发布；原版本保留在门户上可查。</Typography.Paragraph>
              <Input.TextArea rows={3} aria-label="更正说明" placeholder="更正说明（向公众说明更正了什么、为什么更正）" value={correctionNote} onChange={(e) => setCorrectionNote(e.target.value)} />
            </div>
          )}
          <Button type="primary" icon={<SendOutlined />} loading={action.isPending} data-testid="submit-report"
            onClick={() => run({ kind: 'submit', explanations, correctionNote: s.published ? correctionNote : undefined }, '已提交，等待保密审查')}>
            {s.published ? '提交更正版本' : '提交发布（送保密审查）'}
          </Button>
        </Card>
      )}

      {open && (
        <Card size="small" title={`第${open.version}版：${open.stateLabel}`} data-testid="open-version">
          {open.correctionNote && <Typography.Paragraph>更正说明：{open.correctionNote}</Typography.Paragraph>}
          {Object.entries(open.explanations).map(([rule, why]) => <Typography.Paragraph key={rule} type="secondary">校验“{rule}”未通过的说明：{why}</Typography.Paragraph>)}
          <Space wrap>
            {open.state === 'pending_review' && hasAnyRole(me, ['secrecy_reviewer']) && (
              <>
                <Button type="primary" icon={<CheckOutlined />} onClick={() => run({ kind: 'step', version: open.version, step: 'review_passed' }, '保密审查通过')}>保密审查通过</Button>
                <Button icon={<RollbackOutlined />} onClick={() => setDialog({ kind: 'return', version: open.version, step: 'review_rejected' })}>退回</Button>
              </>
            )}
            {open.state === 'pending_approval' && hasAnyRole(me, ['reviewer']) && (
              <>
                <Button type="primary" icon={<CheckOutlined />} onClick={() => run({ kind: 'step', version: open.version, step: 'approved' }, '已同意发布')}>审核同意发布</Button>
                <Button icon={<RollbackOutlined />} onClick={() => setDialog({ kind: 'return', version: open.version, step: 'approval_returned' })}>退回</Button>
              </>
            )}
            {open.state === 'approved' && canRelease && (
              <Button type="primary" icon={<GlobalOutlined />} data-testid="publish-report" onClick={() => { setText(''); setDialog({ kind: 'publish' }); }}>发布到门户</Button>
            )}
            <a href={`/api/reports/annual/preview?year=${year}${format ? `&format=${format}` : ''}`} target="_blank" rel="noreferrer">预览当前数据</a>
          </Space>
        </Card>
      )}

      {s.published && !open && canRelease && (
        <Button danger icon={<StopOutlined />} onClick={() => { setText(''); setDialog({ kind: 'withdraw' }); }}>撤回已发布的报告</Button>
      )}

      <Card size="small" title="版本记录">
        {s.versions.length === 0 ? <Empty description="尚未提交过" /> : (
          <Table<ReportVersionView> size="small" rowKey="version" pagination={false} dataSource={s.versions}
            columns={[
              { title: '版本', dataIndex: 'version', width: 70, render: (v: number) => `第${v}版` },
              { title: '状态', key: 's', width: 150, render: (_x, v) => <Tag color={STATE_COLORS[v.state]}>{v.stateLabel}</Tag> },
              { title: '发布日期', key: 'p', width: 120, render: (_x, v) => formatDate(v.publishedOn) ?? '—' },
              {
                title: '说明', key: 'n', render: (_x, v) => (
                  <Descriptions size="small" column={1} items={[
                    ...(v.correctionNote ? [{ key: 'c', label: '更正说明', children: v.correctionNote }] : []),
                    ...(v.withdrawnReason ? [{ key: 'w', label: `撤回（${v.withdrawnOn}）`, children: v.withdrawnReason }] : []),
                    ...(v.returnedReason ? [{ key: 'r', label: '退回理由', children: v.returnedReason }] : []),
                  ]} />
                ),
              },
              { title: '', key: 'u', width: 90, render: (_x, v) => (v.url ? <a href={v.url} target="_blank" rel="noreferrer">查看</a> : null) },
            ]} />
        )}
      </Card>

      <Modal open={dialog?.kind === 'publish'} title={`发布${year}年度报告到门户`} okText="确认发布" cancelText="取消" okButtonProps={{ disabled: text.trim() === '', loading: action.isPending }}
        onCancel={() => setDialog(null)} onOk={() => run({ kind: 'publish', confirmYear: text }, `${year}年度报告已发布到门户`)} destroyOnHidden>
        <Typography.Paragraph>发布后公众即可在门户“年度报告”栏目看到本报告{s.published ? '，原版本作为历史版本保留' : ''}。请输入报告年度 <Typography.Text strong>{year}</Typography.Text> 确认：</Typography.Paragraph>
        <Input aria-label="输入报告年度确认" placeholder={String(year)} value={text} onChange={(e) => setText(e.target.value)} />
      </Modal>
      <Modal open={dialog?.kind === 'withdraw'} title={`撤回${year}年度报告`} okText="确认撤回" okButtonProps={{ danger: true, disabled: text.trim() === '', loading: action.isPending }} cancelText="取消"
        onCancel={() => setDialog(null)} onOk={() => run({ kind: 'withdraw', reason: text }, '已撤回')} destroyOnHidden>
        <Typography.Paragraph>撤回后门户上将显示撤回日期和理由。</Typography.Paragraph>
        <Input.TextArea rows={3} aria-label="撤回理由" value={text} onChange={(e) => setText(e.target.value)} />
      </Modal>
      <Modal open={dialog?.kind === 'return'} title="退回" okText="确认退回" cancelText="取消" okButtonProps={{ disabled: text.trim() === '', loading: action.isPending }}
        onCancel={() => setDialog(null)} onOk={() => dialog?.kind === 'return' && run({ kind: 'step', version: dialog.version, step: dialog.step, reason: text }, '已退回')} destroyOnHidden>
        <Input.TextArea rows={3} aria-label="退回理由" value={text} onChange={(e) => setText(e.target.value)} />
      </Modal>
    </Space>
  );
}
