import { Link } from 'react-router-dom';
import { Alert, Button, Card, Descriptions, Result, Space, Typography } from 'antd';
import { PrinterOutlined, SearchOutlined } from '@ant-design/icons';
import { loadReceipt } from '../../features/public/receipt-store.js';
import { DELIVERY_LABELS, FORMAT_LABELS } from '../../features/public/apply-options.js';
import { useGuide } from '../../features/public/use-public.js';
import { dayjs } from '../../locale.js';

/** Confirmation (登记回执) after an online application: tracking code + access key, with a print button. */
export function ApplyDonePage() {
  const receipt = loadReceipt();
  const agency = useGuide().data?.agency;
  if (!receipt) {
    return (
      <Result
        status="info"
        title="没有可显示的申请回执"
        subTitle="回执只在提交申请的浏览器窗口中显示。如已提交，请凭查询码和查询密码查询进度。"
        extra={<Space><Link to="/apply"><Button type="primary">填写申请</Button></Link><Link to="/track"><Button>进度查询</Button></Link></Space>}
      />
    );
  }
  return (
    <div style={{ maxWidth: 760, margin: '0 auto' }}>
      <Result status="success" title="申请已提交" subTitle={receipt.message} style={{ paddingBottom: 8 }} />
      <Card>
        <Typography.Title level={4} style={{ textAlign: 'center', marginTop: 0 }}>政府信息公开申请回执</Typography.Title>
        {agency && <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>{agency.name}</Typography.Paragraph>}
        <Descriptions column={1} bordered size="middle" styles={{ label: { width: 100, whiteSpace: 'nowrap' } }}
          items={[
            { key: 'ref', label: '申请编号', children: receipt.ref },
            { key: 'code', label: '查询码', children: <span className="gk-tracking" data-testid="tracking-code">{receipt.trackingCode}</span> },
            { key: 'key', label: '查询密码', children: <span className="gk-tracking" data-testid="access-key">{receipt.accessKey}</span> },
            { key: 'name', label: '申请人', children: receipt.applicantName },
            { key: 'at', label: '提交时间', children: dayjs(receipt.submittedAt).format('YYYY年M月D日 HH:mm') },
            { key: 'desc', label: '申请内容', children: <span className="gk-pre">{receipt.description}</span> },
            { key: 'how', label: '获取方式', children: `${DELIVERY_LABELS[receipt.deliveryMethod] ?? receipt.deliveryMethod}；${FORMAT_LABELS[receipt.format] ?? receipt.format}` },
          ]}
        />
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 16 }}
          title="请妥善保存查询码和查询密码"
          description="查询密码只显示这一次，本机关工作人员也无法找回。建议立即打印或截图保存。网上申请以双方确认之日为收到申请之日（条例第三十一条），工作人员确认后开始计算答复期限。"
        />
      </Card>
      <Space className="gk-no-print" style={{ marginTop: 16, width: '100%', justifyContent: 'center' }} wrap>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>打印回执</Button>
        <Link to={`/track?code=${encodeURIComponent(receipt.trackingCode)}`} state={{ key: receipt.accessKey }}>
          <Button icon={<SearchOutlined />}>查询办理进度</Button>
        </Link>
      </Space>
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginTop: 16 }} className="gk-no-print">
        如有疑问，请联系 {agency?.officeName ?? '政府信息公开工作机构'}，电话 {agency?.phone ?? ''}。
      </Typography.Paragraph>
    </div>
  );
}
