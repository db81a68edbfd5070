import { useState } from 'react';
import { useLocation, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Col, Descriptions, Form, Input, Row, Steps, Tag, Timeline, Typography } from 'antd';
import { ApiError } from '../../api/client.js';
import { usePublicStatus } from '../../features/public/use-public.js';
import { PUBLIC_STAGES, publicStage } from '../../features/public/public-progress.js';
import { NoticeFrame, OpenInNewWindow } from '../../components/notice-frame.js';
import { formatDate } from '../../components/format.js';
import { ErrorResult } from '../../components/error-result.js';

interface TrackValues { code: string; key: string }

/** 进度查询: tracking code + access key → stages, timeline in plain words, due date, and the reply once answered. */
export function TrackPage() {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const stateKey = (location.state as { key?: string } | null)?.key ?? '';
  const [query, setQuery] = useState<TrackValues>(() => ({ code: params.get('code') ?? '', key: stateKey }));
  const [form] = Form.useForm<TrackValues>();
  const status = usePublicStatus(query.code, query.key);

  const onFinish = (v: TrackValues) => {
    const next = { code: v.code.trim().toUpperCase(), key: v.key.trim().toUpperCase() };
    setQuery(next);
    setParams({ code: next.code }, { replace: true });
  };
  const data = status.data;
  const stage = data ? publicStage(data.status) : null;
  const notFound = status.error instanceof ApiError && status.error.status === 404;

  return (
    <div style={{ maxWidth: 860, margin: '0 auto' }}>
      <Typography.Title level={3}>办理进度查询</Typography.Title>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form<TrackValues> form={form} layout="vertical" initialValues={query} onFinish={onFinish} aria-label="进度查询">
          <Row gutter={16} align="bottom">
            <Col xs={24} md={10}>
              <Form.Item name="code" label="查询码" rules={[{ required: true, whitespace: true, message: '请输入查询码' }]}>
                <Input placeholder="提交申请后获得的查询码" autoComplete="off" allowClear />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item name="key" label="查询密码" rules={[{ required: true, whitespace: true, message: '请输入查询密码' }]}>
                <Input.Password placeholder="提交申请后获得的查询密码" autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={4}>
              <Form.Item>
                <Button type="primary" htmlType="submit" block loading={status.isFetching}>查询</Button>
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>

      {notFound && <Alert type="warning" showIcon title="未找到该申请" description="请核对查询码和查询密码（不区分大小写）是否正确。" />}
      {status.isError && !notFound && <ErrorResult error={status.error} onRetry={() => void status.refetch()} />}

      {data && stage && (
        <>
          <Card title={<span>申请编号 {data.ref}</span>} extra={<Tag color={stage.status === 'error' ? 'orange' : stage.status === 'finish' ? 'green' : 'blue'}>{stage.text}</Tag>} style={{ marginBottom: 16 }}>
            <Steps
              current={stage.current}
              status={stage.status}
              size="small"
              responsive
              items={PUBLIC_STAGES.map((t) => ({ title: t }))}
              style={{ marginBottom: 20 }}
            />
            <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered styles={{ label: { width: 120, whiteSpace: 'nowrap' } }}
              items={[
                { key: 'r', label: '收到申请日期', children: formatDate(data.receivedOn) ?? '待确认' },
                { key: 'd', label: '答复期限', children: data.dueOn ? `${formatDate(data.dueOn)}前` : data.repliedOn ? '已答复' : data.status === 'submitted' ? '确认收到后开始计算' : data.status === 'awaiting_supplement' ? '收到补正后重新计算' : '—' },
                { key: 'a', label: '答复日期', children: formatDate(data.repliedOn) ?? '尚未答复' },
                { key: 's', label: '送达日期', children: formatDate(data.deliveredOn) ?? '—' },
                ...(data.outcomeLabel ? [{ key: 'o', label: '答复结果', span: 'filled' as const, children: <strong>{data.outcomeLabel}</strong> }] : []),
                { key: 'c', label: '申请内容', span: 'filled' as const, children: <span className="gk-pre">{data.description}</span> },
              ]}
            />
          </Card>
          <Card title="办理过程" size="small" style={{ marginBottom: 16 }}>
            {data.timeline.length === 0 ? (
              <Typography.Text type="secondary">暂无办理记录。</Typography.Text>
            ) : (
              <Timeline items={data.timeline.map((e, i) => ({ key: i, color: e.type === 'replied' || e.type === 'delivered' ? 'green' : e.type === 'supplement_requested' ? 'orange' : 'blue', content: <span><Typography.Text strong>{formatDate(e.on)}</Typography.Text>　{e.text}</span> }))} />
            )}
          </Card>
          {data.reply && (
            <Card title={`答复书${data.reply.docNumber ? `（${data.reply.docNumber}）` : ''}`} size="small">
              <OpenInNewWindow html={data.reply.html} />
              <NoticeFrame html={data.reply.html} title="答复书" />
            </Card>
          )}
        </>
      )}
    </div>
  );
}
