import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert, App, Breadcrumb, Button, Card, Checkbox, Col, DatePicker, Form, Input, Radio, Row, Select, TreeSelect, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { PUBLICATION_CHANNEL_LABELS_ZH, type CatalogueNode, type PublicationBody } from '../../../shared/publications.js';
import { errorMessage } from '../../api/client.js';
import { applyServerErrors } from '../../components/form-errors.js';
import { ErrorResult } from '../../components/error-result.js';
import { PageLoading } from '../../components/page-loading.js';
import { dayjs } from '../../locale.js';
import { useDepartments } from '../../features/requests/use-requests.js';
import { useCatalogue, usePublication, useSavePublication } from '../../features/publications/use-publications.js';

interface Values {
  title: string;
  docNumber?: string;
  issuer?: string;
  writtenOn?: Dayjs | null;
  formedOn?: Dayjs | null;
  categoryId?: number | null;
  topic?: string;
  summary?: string;
  body?: string;
  normativeKind?: 'regulation' | 'normative' | 'none';
  channels: string[];
  departmentId?: number | null;
  disclosureMode?: string;
}

/** The 公开目录 tree (the portal's): an item is filed under a last-level node, so headings cannot be chosen. */
function toTree(nodes: CatalogueNode[]): { value: number; title: string; selectable: boolean; children: ReturnType<typeof toTree> }[] {
  return nodes.filter((n) => n.active).map((n) => {
    const children = toTree(n.children ?? []);
    return { value: n.id, title: `${n.code} ${n.name}`, selectable: children.length === 0, children };
  });
}

/** The HTML body as editable text: paragraphs become lines. */
function htmlToEditable(html: string | null): string {
  if (!html) return '';
  return html.replace(/<\/p>\s*/gi, '\n').replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]+>/g, '').replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').trim();
}

/** 起草 / 修改草稿 of a proactive disclosure (only drafts can be edited; the server says so otherwise). */
export function PublicationEditPage() {
  const params = useParams();
  const id = params.id ? Number(params.id) : null;
  const existing = usePublication(id);
  const catalogue = useCatalogue();
  const departments = useDepartments();
  const save = useSavePublication(id);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [errors, setErrors] = useState<string[]>([]);

  useEffect(() => {
    const p = existing.data;
    if (!p) return;
    form.setFieldsValue({
      title: p.title, docNumber: p.docNumber ?? undefined, issuer: p.issuer ?? undefined, writtenOn: p.writtenOn ? dayjs(p.writtenOn) : null,
      formedOn: p.formedOn ? dayjs(p.formedOn) : null, categoryId: p.categoryId, topic: p.topic ?? undefined, summary: p.summary ?? undefined,
      body: htmlToEditable(p.bodyHtml), normativeKind: (p.normativeKind as Values['normativeKind']) ?? 'none', channels: p.channels ?? ['website'],
      departmentId: p.departmentId, disclosureMode: p.disclosureMode ?? undefined,
    });
  }, [existing.data, form]);

  if (id !== null && existing.isPending) return <PageLoading />;
  if (id !== null && existing.isError) return <ErrorResult error={existing.error} onRetry={() => void existing.refetch()} />;

  const onFinish = async (v: Values) => {
    setErrors([]);
    const trim = (s?: string) => (s && s.trim() ? s.trim() : null);
    const body: PublicationBody = {
      title: v.title.trim(), docNumber: trim(v.docNumber), issuer: trim(v.issuer), writtenOn: v.writtenOn ? v.writtenOn.format('YYYY-MM-DD') : null,
      formedOn: v.formedOn ? v.formedOn.format('YYYY-MM-DD') : null, categoryId: v.categoryId ?? null, topic: trim(v.topic), summary: trim(v.summary),
      body: v.body ?? '', normativeKind: v.normativeKind && v.normativeKind !== 'none' ? v.normativeKind : null, channels: v.channels as PublicationBody['channels'],
      departmentId: v.departmentId ?? null, disclosureMode: trim(v.disclosureMode),
    };
    try {
      const r = await save.mutateAsync(body);
      message.success(id ? '草稿已保存' : '草稿已创建');
      navigate(`/staff/publications/${id ?? (r as { id: number }).id}`);
    } catch (err) {
      setErrors(applyServerErrors(form, err));
      message.error(errorMessage(err));
    }
  };

  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/staff/publications">主动公开</Link> }, { title: id ? '修改草稿' : '起草' }]} />
      <div className="gk-page-title"><Typography.Title level={3}>{id ? `修改：${existing.data?.title ?? ''}` : '起草主动公开信息'}</Typography.Title></div>
      <Card style={{ maxWidth: 1000 }}>
        {errors.length > 0 && <Alert type="error" showIcon title="保存未成功" description={errors.join('；')} style={{ marginBottom: 16 }} />}
        <Form<Values> form={form} layout="vertical" onFinish={(v) => void onFinish(v)} aria-label="主动公开信息" initialValues={{ channels: ['website'], normativeKind: 'none', formedOn: dayjs() }}>
          <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, message: '请填写标题' }, { max: 300 }]}>
            <Input />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="categoryId" label="公开目录" extra="与门户网站的政府信息公开目录相同，请选择到最末一级" rules={[{ required: true, message: '请选择公开目录（用于生成索引号）' }]}>
                <TreeSelect treeData={toTree(catalogue.data?.categories ?? [])} loading={catalogue.isPending} placeholder="选择目录，可输入名称查找" showSearch={{ treeNodeFilterProp: 'title' }} treeDefaultExpandAll treeLine listHeight={420} virtual={false} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="topic" label="主题分类"><Input placeholder="如：国土资源、城乡建设" /></Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="docNumber" label="文号"><Input placeholder="如：示自然资发〔2026〕12号" /></Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="issuer" label="发布机构"><Input placeholder="不填则为本机关" /></Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name="writtenOn" label="成文日期"><DatePicker style={{ width: '100%' }} /></Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name="formedOn" label="信息形成（变更）日期" rules={[{ required: true, message: '请选择信息形成或变更的日期' }]} extra="条例第二十六条：自形成或变更之日起20个工作日内公开">
                <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="departmentId" label="责任单位">
                <Select allowClear options={(departments.data ?? []).filter((d) => d.active).map((d) => ({ value: d.id, label: d.name }))} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="normativeKind" label="文件类别" extra="行政规范性文件须同步发布政策解读（三同步），或由审核人说明理由">
            <Radio.Group options={[{ value: 'none', label: '一般信息' }, { value: 'normative', label: '行政规范性文件' }, { value: 'regulation', label: '规章' }]} />
          </Form.Item>
          <Form.Item name="channels" label="发布渠道" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一个发布渠道' }]}>
            <Checkbox.Group options={Object.entries(PUBLICATION_CHANNEL_LABELS_ZH).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="summary" label="内容概述" rules={[{ max: 2000 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="body" label="正文" extra="每段一行；也可粘贴 HTML。附件在保存草稿后上传。">
            <Input.TextArea rows={12} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>保存草稿</Button>
        </Form>
      </Card>
    </>
  );
}
