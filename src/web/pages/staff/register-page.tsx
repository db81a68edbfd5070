import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, Card, Descriptions, Result, Space, Typography } from 'antd';
import { RegisterForm } from '../../features/requests/register-form.js';
import type { RegisterCreated } from '../../api/types.js';
import { NoticeFrame, OpenInNewWindow } from '../../components/notice-frame.js';

/** 登记申请: registration of paper, in-person, fax, letter and e-mail requests. */
export function RegisterPage() {
  const [created, setCreated] = useState<RegisterCreated | null>(null);
  const [formKey, setFormKey] = useState(0);
  if (created) {
    return (
      <Card>
        <Result
          status="success"
          title={`已登记，受理编号 ${created.ref}`}
          subTitle={created.receiptHtml ? '登记回执已写明查询码和查询密码及查询方法，请打印后交给申请人。查询密码只在此时显示，系统不保存原文。' : '请将查询码和查询密码告知申请人，申请人凭此在门户网站查询进度。'}
          extra={
            <Space wrap>
              <Link to={`/staff/requests/${created.id}`}><Button type="primary">查看并办理</Button></Link>
              <Button onClick={() => { setCreated(null); setFormKey((k) => k + 1); }}>继续登记</Button>
            </Space>
          }
        >
          <Descriptions column={1} bordered size="small" style={{ maxWidth: 520, margin: '0 auto' }}
            items={[
              { key: 'c', label: '查询码', children: <span className="gk-tracking">{created.trackingCode}</span> },
              { key: 'k', label: '查询密码', children: <span className="gk-tracking">{created.accessKey}</span> },
            ]}
          />
          {created.receiptHtml && (
            <div style={{ maxWidth: 880, margin: '16px auto 0', textAlign: 'left' }}>
              <OpenInNewWindow html={created.receiptHtml} label="打印登记回执（含查询码和查询密码）" />
              <NoticeFrame html={created.receiptHtml} title="登记回执" />
            </div>
          )}
          {created.duplicateOfId && (
            <Alert style={{ maxWidth: 520, margin: '16px auto 0' }} type="warning" showIcon title="疑似重复申请"
              description={<>同一申请人曾提出内容相同或相近的申请，<Link to={`/staff/requests/${created.duplicateOfId}`}>查看之前的申请</Link>。办理时可按重复申请处理（条例第三十六条第（六）项）。</>} />
          )}
        </Result>
      </Card>
    );
  }
  return (
    <>
      <div className="gk-page-title"><Typography.Title level={3}>登记申请</Typography.Title></div>
      <Typography.Paragraph type="secondary">登记当面、信函、传真、电子邮件等方式收到的申请。网上提交的申请在“我的待办—待确认网上申请”中确认。</Typography.Paragraph>
      <div style={{ maxWidth: 980 }}>
        <RegisterForm key={formKey} onRegistered={setCreated} />
      </div>
    </>
  );
}
