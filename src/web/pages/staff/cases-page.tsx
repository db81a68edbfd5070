import { useState } from 'react';
import { Link } from 'react-router-dom';
import { App, Button, Card, Col, DatePicker, Form, Input, Modal, Radio, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { CASE_KIND_LABELS, CASE_RESULT_LABELS, CASE_RESULTS, CASE_ROUTE_LABELS } from '../../../core/reports/cases.js';
import type { CaseBody } from '../../../shared/reports.js';
import { errorMessage } from '../../api/client.js';
import { applyServerErrors } from '../../components/form-errors.js';
import { ErrorResult } from '../../components/error-result.js';
import { dayjs } from '../../locale.js';
import { hasAnyRole, useMe } from '../../features/auth/use-session.js';
import { useCases, useSaveCase, type CaseRow } from '../../features/reports/use-cases.js';

interface Values { ref: string; kind: 'reconsideration' | 'litigation'; route?: 'direct' | 'after_reconsideration'; requestRef?: string; receivedOn: Dayjs; closedOn?: Dayjs | null; result?: string; note?: string }

const THIS_YEAR = new Date().getFullYear();
const CELL_COLORS: Record<string, string> = { upheld: 'green', corrected: 'red', other: 'default', pending: 'gold' };

function CaseModal({ row, open, onClose }: { row: CaseRow | null; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const save = useSaveCase(row?.id ?? null);
  const { message } = App.useApp();
  const kind = Form.useWatch('kind', form);
  const closedOn = Form.useWatch('closedOn', form);
  const submit = async () => {
    let v: Values;
    try { v = await form.validateFields(); } catch { return; }
    const body: CaseBody = {
      ref: v.ref.trim(), kind: v.kind, route: v.kind === 'litigation' ? v.route ?? null : null, requestRef: v.requestRef?.trim() || null,
      receivedOn: v.receivedOn.format('YYYY-MM-DD'), closedOn: v.closedOn ? v.closedOn.format('YYYY-MM-DD') : null, result: (v.result as CaseBody['result']) ?? null, note: v.note?.trim() || null,
    };
    try {
      await save.mutateAsync(body);
      message.success(row ? '案件已保存' : '案件已登记');
      onClose();
    } catch (err) {
      applyServerErrors(form, err);
      message.error(errorMessage(err));
    }
  };
  return (
    <Modal open={open} title={row ? `案件 ${row.ref}` : '登记行政复议、行政诉讼案件'} okText="保存" onCancel={onClose} onOk={() => void submit()} confirmLoading={save.isPending} destroyOnHidden width={640}
      afterOpenChange={(o) => {
        if (!o) return;
        form.resetFields();
        form.setFieldsValue(row ? { ref: row.ref, kind: row.kind as Values['kind'], route: (row.route ?? undefined) as Values['route'], requestRef: row.requestRef ?? undefined, receivedOn: dayjs(row.receivedOn), closedOn: row.closedOn ? dayjs(row.closedOn) : null, result: row.result ?? undefined, note: row.note ?? undefined } : { kind: 'reconsideration', receivedOn: dayjs() });
      }}>
      <Form form={form} layout="vertical">
        <Row gutter={16}>
          <Col xs={24} md={12}><Form.Item name="ref" label="案件编号" rules={[{ required: true, whitespace: true, message: '请填写案件编号' }]}><Input disabled={!!row} /></Form.Item></Col>
          <Col xs={24} md={12}><Form.Item name="requestRef" label="关联受理编号（可选）"><Input placeholder="如：GK-2026-000123" /></Form.Item></Col>
          <Col xs={24} md={12}>
            <Form.Item name="kind" label="案件类型" rules={[{ required: true }]}>
              <Radio.Group options={Object.entries(CASE_KIND_LABELS).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
          </Col>
          {kind === 'litigation' && (
            <Col xs={24} md={12}>
              <Form.Item name="route" label="起诉类型" rules={[{ required: true, message: '请选择起诉类型' }]}>
                <Select options={Object.entries(CASE_ROUTE_LABELS).map(([value, label]) => ({ value, label }))} />
              </Form.Item>
            </Col>
          )}
          <Col xs={12} md={12}><Form.Item name="receivedOn" label="收到日期" rules={[{ required: true, message: '请选择收到日期' }]}><DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} /></Form.Item></Col>
          <Col xs={12} md={12}><Form.Item name="closedOn" label="结案日期（未审结不填）"><DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} /></Form.Item></Col>
          <Col span={24}>
            <Form.Item name="result" label="结果" rules={[{ required: !!closedOn, message: '已结案的请选择结果' }]}>
              <Select allowClear options={CASE_RESULTS.map((r) => ({ value: r, label: CASE_RESULT_LABELS[r] }))} placeholder={closedOn ? '请选择' : '（未审结可不选）'} />
            </Form.Item>
          </Col>
          <Col span={24}><Form.Item name="note" label="备注"><Input.TextArea rows={2} /></Form.Item></Col>
        </Row>
      </Form>
    </Modal>
  );
}

/** 行政复议、行政诉讼 cases about 政府信息公开 work (annual report part 四). */
export function CasesPage() {
  const me = useMe().data?.user;
  const canWrite = hasAnyRole(me, ['registrar', 'reviewer', 'admin']);
  const [year, setYear] = useState<number | undefined>(undefined);
  const [kind, setKind] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [editing, setEditing] = useState<CaseRow | null>(null);
  const [open, setOpen] = useState(false);
  const q = useCases({ year, kind, status, page, pageSize });
  return (
    <>
      <div className="gk-page-title">
        <Typography.Title level={3}>复议诉讼案件</Typography.Title>
        {canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => { setEditing(null); setOpen(true); }}>登记案件</Button>}
      </div>
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <Select allowClear placeholder="收到年份" value={year} onChange={(v?: number) => { setYear(v); setPage(1); }} style={{ width: 120 }} aria-label="收到年份"
            options={Array.from({ length: THIS_YEAR - 2007 }, (_, i) => ({ value: THIS_YEAR - i, label: `${THIS_YEAR - i}年` }))} />
          <Select allowClear placeholder="案件类型" value={kind} onChange={(v?: string) => { setKind(v); setPage(1); }} style={{ width: 140 }} aria-label="案件类型" options={Object.entries(CASE_KIND_LABELS).map(([value, label]) => ({ value, label }))} />
          <Select allowClear placeholder="是否审结" value={status} onChange={(v?: string) => { setStatus(v); setPage(1); }} style={{ width: 140 }} aria-label="是否审结" options={[{ value: 'open', label: '尚未审结' }, { value: 'closed', label: '已审结' }]} />
          <Typography.Text type="secondary">案件按收到年度计入年度报告第四部分。</Typography.Text>
        </Space>
        {q.isError && <ErrorResult error={q.error} onRetry={() => void q.refetch()} />}
        <Table<CaseRow> rowKey="id" loading={q.isFetching} dataSource={q.data?.items ?? []} scroll={{ x: 900 }}
          pagination={{ current: page, pageSize, total: q.data?.total ?? 0, showSizeChanger: true, showTotal: (t) => `共 ${t} 件`, onChange: (p, s) => { setPage(s !== pageSize ? 1 : p); setPageSize(s); } }}
          columns={[
            { title: '案件编号', dataIndex: 'ref', width: 160 },
            { title: '类型', key: 'k', width: 200, render: (_v, r) => `${r.kindLabel}${r.routeLabel ? `（${r.routeLabel}）` : ''}` },
            { title: '关联申请', dataIndex: 'requestRef', width: 150, render: (x: string | null, r) => (r.requestId ? <Link to={`/staff/requests/${r.requestId}`}>{x}</Link> : x ?? '—') },
            { title: '收到日期', dataIndex: 'receivedOn', width: 110 },
            { title: '结案日期', dataIndex: 'closedOn', width: 110, render: (x: string | null) => x ?? '—' },
            { title: '结果', dataIndex: 'resultLabel', width: 100, render: (x: string | null) => x ?? '—' },
            { title: '年报口径', dataIndex: 'reportCellLabel', width: 100, render: (x: string, r) => <Tag color={CELL_COLORS[r.reportCell]}>{x}</Tag> },
            ...(canWrite ? [{ title: '操作', key: 'op', width: 80, render: (_v: unknown, r: CaseRow) => <Button type="link" size="small" onClick={() => { setEditing(r); setOpen(true); }}>编辑</Button> }] : []),
          ]} />
      </Card>
      <CaseModal row={editing} open={open} onClose={() => setOpen(false)} />
    </>
  );
}
