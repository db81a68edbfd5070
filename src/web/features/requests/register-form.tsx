import { useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, Form, Input, Radio, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { ID_TYPES, validateIdentity } from '../../../core/validators/identity.js';
import { validateEmail, validatePhone } from '../../../core/validators/contact.js';
import { normalizeIdNumber } from '../../../core/validators/result.js';
import type { Channel } from '../../../core/types.js';
import type { RegisterRequestBody } from '../../../shared/api.js';
import type { RegisterCreated } from '../../api/types.js';
import { applyServerErrors } from '../../components/form-errors.js';
import { dayjs } from '../../locale.js';
import { DELIVERY_OPTIONS, FORMAT_OPTIONS } from '../public/apply-options.js';
import { APPLICANT_TYPE_OPTIONS, CHANNEL_OPTIONS, RECEIPT_RULE_HINTS } from './labels.js';
import { useRegisterRequest } from './use-requests.js';

export interface RegisterValues {
  channel: Channel;
  receivedOn: Dayjs;
  evidence?: string;
  applicant: { type: RegisterRequestBody['applicant']['type']; name: string; idType?: string; idNumber?: string; phone?: string; email?: string; address?: string; contactName?: string };
  description: string;
  deliveryMethod?: RegisterRequestBody['deliveryMethod'];
  format?: RegisterRequestBody['format'];
}

const EVIDENCE_REQUIRED: Channel[] = ['letter', 'fax', 'email', 'other'];
const EVIDENCE_HINT: Record<Channel, string> = {
  in_person: '可选：如窗口登记表编号',
  letter: '如：EMS 签收单号，或电话确认记录',
  fax: '如：传真收件时间及电话确认记录',
  online: '如：网上确认记录',
  email: '如：回复确认邮件的发送时间',
  other: '请说明收到方式和确认情况',
};

export function toRegisterBody(v: RegisterValues): RegisterRequestBody {
  const trim = (s?: string) => (s && s.trim() ? s.trim() : null);
  return {
    channel: v.channel,
    receivedOn: v.receivedOn.format('YYYY-MM-DD'),
    evidence: trim(v.evidence),
    applicant: {
      type: v.applicant.type,
      name: v.applicant.name.trim(),
      idType: v.applicant.idNumber?.trim() ? v.applicant.idType ?? null : null,
      idNumber: v.applicant.idNumber?.trim() ? normalizeIdNumber(v.applicant.idNumber) : null,
      phone: trim(v.applicant.phone),
      email: trim(v.applicant.email),
      address: trim(v.applicant.address),
      contactName: v.applicant.type === 'natural' ? null : trim(v.applicant.contactName),
    },
    description: v.description.trim(),
    deliveryMethod: v.deliveryMethod ?? null,
    format: v.format ?? null,
  };
}

/**
 * Registration of a request received on paper, in person, by fax, letter or e-mail. The receipt date follows
 * 条例 Art.31 for the chosen channel (the hint says which day it is), with its evidence.
 */
export function RegisterForm({ onRegistered }: { onRegistered: (created: RegisterCreated) => void }) {
  const [form] = Form.useForm<RegisterValues>();
  const register = useRegisterRequest();
  const [errors, setErrors] = useState<string[]>([]);
  const channel: Channel = Form.useWatch('channel', form) ?? 'letter';
  const applicantType = Form.useWatch(['applicant', 'type'], form) ?? 'natural';
  const isOrg = applicantType !== 'natural';

  const onFinish = async (v: RegisterValues) => {
    setErrors([]);
    try {
      onRegistered(await register.mutateAsync(toRegisterBody(v)));
    } catch (err) {
      setErrors(applyServerErrors(form, err));
    }
  };

  return (
    <Form<RegisterValues>
      form={form}
      layout="vertical"
      onFinish={onFinish}
      scrollToFirstError
      aria-label="登记申请"
      initialValues={{ channel: 'letter', receivedOn: dayjs(), applicant: { type: 'natural', idType: '身份证' }, deliveryMethod: 'post', format: 'paper' }}
      onValuesChange={(changed: Partial<RegisterValues>) => {
        if (changed.applicant?.type) form.setFieldValue(['applicant', 'idType'], changed.applicant.type === 'natural' ? '身份证' : '统一社会信用代码');
      }}
    >
      {errors.length > 0 && <Alert type="error" showIcon title="登记未成功" description={errors.join('；')} style={{ marginBottom: 16 }} />}
      <Card title="收到申请" size="small" style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="channel" label="申请方式" rules={[{ required: true, message: '请选择申请方式' }]}>
              <Select options={CHANNEL_OPTIONS.filter((o) => o.value !== 'online')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="receivedOn" label="收到申请之日" rules={[{ required: true, message: '请选择收到申请之日' }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} allowClear={false} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="evidence"
              label="收到日期的证据"
              dependencies={['channel']}
              rules={[{ required: EVIDENCE_REQUIRED.includes(channel), whitespace: true, message: '请填写签收单号或确认记录，作为收到申请之日的依据' }, { max: 500 }]}
            >
              <Input placeholder={EVIDENCE_HINT[channel]} />
            </Form.Item>
          </Col>
        </Row>
        <Alert type="info" showIcon title={RECEIPT_RULE_HINTS[channel]} />
      </Card>

      <Card title="申请人" size="small" style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name={['applicant', 'type']} label="申请人类型" rules={[{ required: true }]}>
              <Select options={APPLICANT_TYPE_OPTIONS} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name={['applicant', 'name']} label={isOrg ? '名称' : '姓名'} rules={[{ required: true, whitespace: true, message: isOrg ? '请填写申请单位名称' : '请填写申请人姓名' }, { max: 200 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={['applicant', 'idType']} label="证件类型">
              <Select options={ID_TYPES.map((t) => ({ value: t, label: t }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item
              name={['applicant', 'idNumber']}
              label="证件号码"
              dependencies={[['applicant', 'idType']]}
              extra="申请书未附身份证明的，可登记后告知补正"
              rules={[{ validator: async (_r, v?: string) => {
                if (!v || !v.trim()) return;
                const res = validateIdentity(form.getFieldValue(['applicant', 'idType']) ?? '身份证', v);
                if (!res.ok) throw new Error(res.message);
              } }]}
            >
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          {isOrg && (
            <Col xs={24} md={8}>
              <Form.Item name={['applicant', 'contactName']} label="联系人" rules={[{ max: 50 }]}>
                <Input />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={8}>
            <Form.Item name={['applicant', 'phone']} label="联系电话" rules={[{ validator: async (_r, v?: string) => { if (v && v.trim()) { const r = validatePhone(v); if (!r.ok) throw new Error(r.message); } } }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={['applicant', 'email']} label="电子邮箱" rules={[{ validator: async (_r, v?: string) => { if (v && v.trim()) { const r = validateEmail(v); if (!r.ok) throw new Error(r.message); } } }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={['applicant', 'address']} label="通信地址" rules={[{ max: 500 }]}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card title="申请内容" size="small" style={{ marginBottom: 16 }}>
        <Form.Item name="description" label="所需政府信息的名称、文号或特征性描述" rules={[{ required: true, whitespace: true, message: '请录入申请内容' }, { max: 5000 }]}>
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={14}>
            <Form.Item name="deliveryMethod" label="获取信息的方式">
              <Radio.Group options={DELIVERY_OPTIONS.map((o) => ({ ...o }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name="format" label="载体形式">
              <Radio.Group options={FORMAT_OPTIONS.map((o) => ({ ...o }))} />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Button type="primary" htmlType="submit" size="large" loading={register.isPending}>登记</Button>
    </Form>
  );
}
