import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import type { CalendarYear } from '../../api/types.js';
import { errorMessage } from '../../api/client.js';
import { useCalendarYears, useSaveCalendarYear } from '../../features/admin/use-admin.js';
import { DateListEditor } from '../../components/date-list-editor.js';
import { applyServerErrors } from '../../components/form-errors.js';
import { ErrorResult } from '../../components/error-result.js';
import { dayjs } from '../../locale.js';
import { useCalendarStatus, type PresumedHoliday } from '../../features/calendar/calendar-status.js';

interface Values { notice: string; title?: string; issuedOn?: Dayjs | null; source: string; holidays: string[]; workdays: string[] }

const ORIGIN: Record<string, { label: string; color: string }> = {
  shipped: { label: '系统内置', color: 'default' },
  admin: { label: '管理员录入', color: 'blue' },
};
const originOf = (o: string) => ORIGIN[o] ?? { label: '其他', color: 'default' };
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** A year without a loaded notice: the days presumed by law (暂定), grouped by festival. */
function PresumedYear({ year, law, days, onEnter }: { year: number; law: string; days: PresumedHoliday[]; onEnter: () => void }) {
  const groups = days.reduce<{ festival: string; days: PresumedHoliday[] }[]>((out, d) => {
    const g = out.find((x) => x.festival === d.festival);
    if (g) g.days.push(d); else out.push({ festival: d.festival, days: [d] });
    return out;
  }, []);
  return (
    <Card size="small" style={{ marginBottom: 16 }} title={<Space>{`${year}年`}<Tag color="orange">暂定</Tag><Typography.Text type="secondary" style={{ fontWeight: 400 }}>尚未载入国务院办公厅通知</Typography.Text></Space>}
      extra={<Button size="small" type="primary" onClick={onEnter}>录入{year}年通知</Button>}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        在载入通知之前，{year}年的期限按{law}规定的法定节假日（逢星期六、星期日的，在其后的工作日补假）和周末推算。
        调休安排以通知为准，载入后所有未结申请的期限将重新计算。
      </Typography.Paragraph>
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        {groups.map((g) => (
          <div key={g.festival}>
            <Typography.Text strong style={{ display: 'inline-block', width: 64 }}>{g.festival}</Typography.Text>
            <Space size={[4, 4]} wrap>
              {g.days.map((d) => (
                <Tag key={d.date} color={d.kind === 'makeup' ? 'gold' : 'orange'} style={{ marginInlineEnd: 0 }}>
                  {`${Number(d.date.slice(5, 7))}月${Number(d.date.slice(8, 10))}日 周${WEEKDAYS[dayjs(d.date).day()]}${d.kind === 'makeup' ? ' 补假' : ''}`}
                </Tag>
              ))}
            </Space>
          </div>
        ))}
      </Space>
    </Card>
  );
}

/** 节假日日历 (系统管理员): the holidays and 调休 working days of each year, with the State Council notice. */
export function CalendarPage() {
  const years = useCalendarYears();
  const status = useCalendarStatus();
  const save = useSaveCalendarYear();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [year, setYear] = useState<number | null>(null);
  const [newYear, setNewYear] = useState<number | null>(null);
  const rows = useMemo(() => [...(years.data ?? [])].sort((a, b) => b.year - a.year), [years.data]);
  const current = rows.find((r) => r.year === year) ?? null;
  const latest = rows[0]?.year ?? new Date().getFullYear();

  useEffect(() => {
    if (year === null && rows.length) setYear(rows[0].year);
  }, [rows, year]);

  useEffect(() => {
    if (year === null) return;
    form.resetFields();
    if (current) {
      form.setFieldsValue({ notice: current.notice, title: current.title, issuedOn: current.issuedOn ? dayjs(current.issuedOn) : null, source: current.source, holidays: current.holidays, workdays: current.workdays });
    } else {
      form.setFieldsValue({ title: `${year}年部分节假日安排`, holidays: [], workdays: [] });
    }
  }, [year, current, form]);

  const submit = async (v: Values) => {
    if (year === null) return;
    try {
      const r = await save.mutateAsync({ year, notice: v.notice.trim(), title: (v.title ?? '').trim(), issuedOn: v.issuedOn ? v.issuedOn.format('YYYY-MM-DD') : null, source: v.source.trim(), holidays: v.holidays, workdays: v.workdays });
      message.success(`${year}年节假日安排已保存，已重新计算 ${typeof r.recomputed === 'number' ? r.recomputed : 0} 件未结申请的答复期限`);
    } catch (err) {
      applyServerErrors(form, err);
      message.error(errorMessage(err));
    }
  };

  return (
    <>
      <div className="gk-page-title">
        <Typography.Title level={3}>节假日日历</Typography.Title>
        <Space>
          <InputNumber min={2000} max={2100} placeholder="年份" value={newYear} onChange={(v) => setNewYear(v === null ? null : Number(v))} style={{ width: 110 }} aria-label="新增年份" />
          <Button icon={<PlusOutlined />} disabled={newYear === null} onClick={() => {
            if (newYear === null) return;
            if (rows.some((r) => r.year === newYear)) { setYear(newYear); return; }
            modal.confirm({ title: `新增 ${newYear} 年节假日安排`, content: '请依据国务院办公厅当年发布的节假日安排通知录入放假日期和调休上班日期。保存后，所有未结申请的答复期限将重新计算。', okText: '开始录入', cancelText: '取消', onOk: () => setYear(newYear) });
          }}>新增年份</Button>
        </Space>
      </div>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`已载入至${latest}年。期限跨入尚未载入通知的年份时，按《全国年节及纪念日放假办法》规定的法定节假日和周末推算，标为“暂定”，依赖暂定期限的逾期事项暂不能登记；国务院办公厅发布下一年度节假日安排后（通常在10月至11月），请及时在此录入。`} />
      {status.data?.presumed.map((p) => <PresumedYear key={p.year} {...p} onEnter={() => setYear(p.year)} />)}
      <Row gutter={16}>
        <Col xs={24} xl={9}>
          <Card size="small" title="各年度" style={{ marginBottom: 16 }}>
            {years.isError && <ErrorResult error={years.error} onRetry={() => void years.refetch()} />}
            <Table<CalendarYear>
              rowKey="year"
              size="small"
              loading={years.isPending}
              dataSource={rows}
              pagination={{ pageSize: 12, hideOnSinglePage: true }}
              rowClassName={(r) => (r.year === year ? 'ant-table-row-selected' : '')}
              onRow={(r) => ({ onClick: () => setYear(r.year), style: { cursor: 'pointer' } })}
              columns={[
                { title: '年度', dataIndex: 'year', width: 70 },
                { title: '通知', dataIndex: 'notice' },
                { title: '放假/调休', key: 'n', width: 90, render: (_v, r) => `${r.holidays.length} / ${r.workdays.length}` },
                { title: '录入方式', dataIndex: 'origin', width: 100, render: (o: string) => <Tag color={originOf(o).color}>{originOf(o).label}</Tag> },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={15}>
          <Card size="small" title={year === null ? '请选择年度' : `${year}年${current ? '' : '（新增）'}`} extra={current && <Tag color={originOf(current.origin).color}>{originOf(current.origin).label}</Tag>}>
            {year !== null && (
              <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} aria-label={`${year}年节假日安排`}>
                <Row gutter={12}>
                  <Col xs={24} md={12}>
                    <Form.Item name="notice" label="通知文号" rules={[{ required: true, whitespace: true, message: '请填写通知文号，如 国办发明电〔2026〕X号' }]}>
                      <Input placeholder="国办发明电〔2026〕X号" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item name="issuedOn" label="发布日期">
                      <DatePicker style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col span={24}>
                    <Form.Item name="title" label="标题"><Input /></Form.Item>
                  </Col>
                  <Col span={24}>
                    <Form.Item name="source" label="来源（网址或出处）" rules={[{ required: true, whitespace: true, message: '请填写通知来源' }]}>
                      <Input placeholder="https://www.gov.cn/…" />
                    </Form.Item>
                  </Col>
                </Row>
                <Form.Item name="holidays" label="放假日期（含周末在内的整段假期）">
                  <DateListEditor year={year} color="red" ariaLabel="放假日期" />
                </Form.Item>
                <Form.Item name="workdays" label="调休上班日期（周末上班）" extra="只需登记需要上班的周六、周日">
                  <DateListEditor year={year} color="blue" weekendsOnly ariaLabel="调休上班日期" />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={save.isPending}>保存并重算期限</Button>
              </Form>
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
