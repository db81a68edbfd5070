import { useEffect } from 'react';
import { Alert, App, Button, Card, Col, Form, Input, Row, Typography } from 'antd';
import type { ReportFormat } from '../../../core/reports/formats.js';
import { errorMessage } from '../../api/client.js';
import { ErrorResult } from '../../components/error-result.js';
import { PageLoading } from '../../components/page-loading.js';
import { formatDateTime } from '../../components/format.js';
import { useAnnualFacts, useSaveAnnualFacts } from './use-annual-report.js';

/**
 * 年度填报数据: the values of the report that no record can produce (staff numbers, budget, meetings, part 二 counts
 * while publications are not recorded here…). Numbers, or the text an agency prints instead ("/", "80余万").
 */
export function FactsForm({ year, format, canEdit }: { year: number; format: ReportFormat | undefined; canEdit: boolean }) {
  const q = useAnnualFacts(year, format);
  const save = useSaveAnnualFacts(year);
  const [form] = Form.useForm<Record<string, string>>();
  const { message } = App.useApp();
  useEffect(() => {
    if (q.data) form.setFieldsValue(Object.fromEntries(q.data.fields.map((f) => [f.key, q.data.facts[f.key] === undefined ? '' : String(q.data.facts[f.key])])));
  }, [q.data, form]);
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <ErrorResult error={q.error} onRetry={() => void q.refetch()} />;
  const sections = [...new Set(q.data.fields.map((f) => f.section))];

  const onFinish = async (v: Record<string, string>) => {
    const facts = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x === undefined || String(x).trim() === '' ? null : String(x).trim()]));
    try {
      await save.mutateAsync(facts);
      message.success('填报数据已保存，报告已按新数据重新生成');
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={(v) => void onFinish(v)} disabled={!canEdit} aria-label="年度填报数据">
      <Alert type="info" showIcon style={{ marginBottom: 16 }}
        title="以下数据无法从办理记录中统计，由工作人员每年填报；报告中标注为“填报”。不适用的填“/”，留空表示未填报。"
        description={q.data.updatedAt ? `最近保存：${formatDateTime(q.data.updatedAt)}` : undefined} />
      {sections.map((s) => (
        <Card key={s} size="small" title={s} style={{ marginBottom: 12 }}>
          <Row gutter={16}>
            {q.data.fields.filter((f) => f.section === s).map((f) => (
              <Col key={f.key} xs={24} md={f.kind === 'text' ? 24 : 12} xl={f.kind === 'text' ? 24 : 8}>
                <Form.Item name={f.key} label={f.label}
                  rules={f.kind === 'text' ? [] : [{ pattern: f.kind === 'change' ? /^(增|减)?\s*\d+(\.\d+)?$|^\/$|^-?\d+(\.\d+)?$/ : /^\d+(\.\d+)?$|^\/$|^.{1,20}$/, message: '请填写数字，或“/”' }]}>
                  {f.kind === 'text' ? <Input.TextArea rows={3} /> : <Input suffix={f.unit ?? undefined} />}
                </Form.Item>
              </Col>
            ))}
          </Row>
        </Card>
      ))}
      {canEdit ? <Button type="primary" htmlType="submit" loading={save.isPending}>保存填报数据</Button> : <Typography.Text type="secondary">只有登记员、审核人和系统管理员可以修改填报数据。</Typography.Text>}
    </Form>
  );
}
