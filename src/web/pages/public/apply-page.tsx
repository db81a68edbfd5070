import { useNavigate } from 'react-router-dom';
import { Typography } from 'antd';
import { ApplyForm } from '../../features/public/apply-form.js';
import { saveReceipt } from '../../features/public/receipt-store.js';

/** 申请公开: the online application form; on success the receipt page shows the tracking code and access key. */
export function ApplyPage() {
  const navigate = useNavigate();
  return (
    <div style={{ maxWidth: 860, margin: '0 auto' }}>
      <Typography.Title level={3}>政府信息公开申请</Typography.Title>
      <Typography.Paragraph type="secondary">
        请如实填写以下信息，带 <span style={{ color: '#ff4d4f' }}>*</span> 的为必填项。提交后您将获得查询码和查询密码，凭此查询办理进度和答复结果。
      </Typography.Paragraph>
      <ApplyForm
        onSubmitted={(created, values) => {
          saveReceipt({ ...created, applicantName: values.applicant.name, description: values.description, deliveryMethod: values.deliveryMethod, format: values.format, submittedAt: new Date().toISOString() });
          navigate('/apply/done', { replace: true });
        }}
      />
    </div>
  );
}
