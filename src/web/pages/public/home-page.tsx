import { Link, useNavigate } from 'react-router-dom';
import { Button, Card, Col, Form, Input, Row, Typography } from 'antd';
import { BookOutlined, EditOutlined, FileSearchOutlined, FileTextOutlined, SearchOutlined } from '@ant-design/icons';
import { useGuide } from '../../features/public/use-public.js';

const ENTRIES = [
  { to: '/apply', icon: <EditOutlined />, title: '申请公开', text: '在线提交政府信息公开申请，获取查询码' },
  { to: '/track', icon: <SearchOutlined />, title: '进度查询', text: '凭查询码和查询密码查看办理进度和答复' },
  { to: '/guide', icon: <BookOutlined />, title: '公开指南', text: '申请方式、办理时限、收费和救济途径' },
  { to: '/publications', icon: <FileSearchOutlined />, title: '主动公开', text: '检索本机关主动公开的政府信息' },
  { to: '/reports', icon: <FileTextOutlined />, title: '年度报告', text: '政府信息公开工作年度报告' },
];

/** Portal home: what can be done here, and a quick progress query. */
export function HomePage() {
  const agency = useGuide().data?.agency;
  const navigate = useNavigate();
  return (
    <>
      <Card style={{ marginBottom: 20, background: 'linear-gradient(120deg,#fff 60%,#fdf1e7)' }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>欢迎访问{agency?.name ?? ''}政府信息公开平台</Typography.Title>
        <Typography.Paragraph type="secondary" style={{ maxWidth: 720 }}>
          公民、法人或者其他组织可以在这里向本机关申请获取政府信息，查询申请的办理进度，查阅主动公开的政府信息和政府信息公开工作年度报告。
        </Typography.Paragraph>
        <Link to="/apply"><Button type="primary" size="large" icon={<EditOutlined />}>我要申请</Button></Link>
      </Card>
      <Row gutter={[16, 16]}>
        {ENTRIES.map((e) => (
          <Col xs={24} sm={12} lg={8} key={e.to}>
            <Link to={e.to}>
              <Card hoverable className="gk-home-entry" style={{ height: '100%' }}>
                <span className="gk-home-entry-icon">{e.icon}</span>
                <span>
                  <Typography.Title level={5} style={{ margin: 0 }}>{e.title}</Typography.Title>
                  <Typography.Text type="secondary">{e.text}</Typography.Text>
                </span>
              </Card>
            </Link>
          </Col>
        ))}
        <Col xs={24} sm={12} lg={8}>
          <Card title="快速查询" size="small" style={{ height: '100%' }}>
            <Form layout="inline" onFinish={(v: { code: string }) => navigate(`/track?code=${encodeURIComponent(v.code.trim().toUpperCase())}`)} style={{ rowGap: 8 }}>
              <Form.Item name="code" rules={[{ required: true, whitespace: true, message: '请输入查询码' }]} style={{ flex: 1 }}>
                <Input placeholder="输入查询码" />
              </Form.Item>
              <Button type="primary" htmlType="submit">查询</Button>
            </Form>
          </Card>
        </Col>
      </Row>
    </>
  );
}
