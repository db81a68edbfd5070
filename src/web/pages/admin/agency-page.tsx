import { useEffect } from 'react';
import { App, Button, Card, Col, Form, Input, Row, Select, Typography } from 'antd';
import type { AgencyProfile } from '../../api/types.js';
import { errorMessage } from '../../api/client.js';
import { useAgency, useSaveAgency } from '../../features/admin/use-admin.js';
import { applyServerErrors } from '../../components/form-errors.js';
import { ErrorResult } from '../../components/error-result.js';
import { PageLoading } from '../../components/page-loading.js';

const LEVELS = [
  { value: 'state_council_dept', label: '国务院部门' },
  { value: 'local_gov_dept', label: '县级以上地方人民政府工作部门' },
  { value: 'local_gov', label: '地方人民政府' },
  { value: 'vertical', label: '实行垂直领导的机关（海关、金融、税务等）' },
];

const FIELDS: { name: keyof AgencyProfile; label: string; required?: boolean; extra?: string; span?: number }[] = [
  { name: 'name', label: '机关全称', required: true },
  { name: 'shortName', label: '简称', required: true },
  { name: 'officeName', label: '政府信息公开工作机构', required: true, extra: '公开指南和文书中使用' },
  { name: 'docPrefix', label: '文书文号前缀', required: true, extra: '如“示自然资公开”，文号为 示自然资公开〔2024〕1号' },
  { name: 'address', label: '办公地址', required: true },
  { name: 'postcode', label: '邮政编码', required: true },
  { name: 'officeHours', label: '办公时间', required: true, span: 24 },
  { name: 'phone', label: '联系电话', required: true },
  { name: 'fax', label: '传真号码' },
  { name: 'email', label: '电子邮箱', required: true },
  { name: 'website', label: '网站地址', required: true },
  { name: 'parentBody', label: '本级人民政府或上一级机关', extra: '行政复议机关的默认值（行政复议法第二十四条）' },
  { name: 'reconsiderationBody', label: '行政复议机关（如需指定）', extra: '不填则按机关层级确定' },
  { name: 'litigationCourt', label: '行政诉讼管辖法院（可选）' },
];

/** 机关信息 (系统管理员): what the guide, the notices and the reports say about the agency. */
export function AgencyPage() {
  const agency = useAgency();
  const save = useSaveAgency();
  const { message } = App.useApp();
  const [form] = Form.useForm<AgencyProfile>();
  useEffect(() => { if (agency.data) form.setFieldsValue(agency.data); }, [agency.data, form]);

  if (agency.isPending) return <PageLoading />;
  if (agency.isError) return <ErrorResult error={agency.error} onRetry={() => void agency.refetch()} />;

  const submit = async (v: AgencyProfile) => {
    const body = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, typeof x === 'string' ? x.trim() || (['parentBody', 'reconsiderationBody', 'litigationCourt'].includes(k) ? null : '') : x]));
    try {
      await save.mutateAsync(body as Partial<AgencyProfile>);
      message.success('机关信息已保存，公开指南和新生成的文书将使用新信息');
    } catch (err) {
      applyServerErrors(form, err);
      message.error(errorMessage(err));
    }
  };

  return (
    <>
      <div className="gk-page-title"><Typography.Title level={3}>机关信息</Typography.Title></div>
      <Card style={{ maxWidth: 980 }}>
        <Form<AgencyProfile> form={form} layout="vertical" onFinish={(v) => void submit(v)} aria-label="机关信息">
          <Row gutter={16}>
            {FIELDS.map((f) => (
              <Col key={f.name} xs={24} md={f.span ?? 12}>
                <Form.Item name={f.name} label={f.label} extra={f.extra} rules={f.required ? [{ required: true, whitespace: true, message: `请填写${f.label}` }] : []}>
                  <Input />
                </Form.Item>
              </Col>
            ))}
            <Col xs={24} md={12}>
              <Form.Item name="level" label="机关层级" rules={[{ required: true, message: '请选择机关层级' }]} extra="决定答复书中行政复议机关的默认写法">
                <Select options={LEVELS} />
              </Form.Item>
            </Col>
          </Row>
          <Button type="primary" htmlType="submit" loading={save.isPending}>保存</Button>
        </Form>
      </Card>
    </>
  );
}
