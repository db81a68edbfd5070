import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Col, Form, Input, Radio, Row, Select, Typography } from 'antd';
import type { Rule } from 'antd/es/form/index.js';
import { validateCreditCode } from '../../../core/validators/credit-code.js';
import { validateEmail, validatePhone } from '../../../core/validators/contact.js';
import { validateIdentity } from '../../../core/validators/identity.js';
import { normalizeIdNumber } from '../../../core/validators/result.js';
import type { PublicRequestBody } from '../../../shared/api.js';
import type { PublicCreated } from '../../api/types.js';
import { applyServerErrors } from '../../components/form-errors.js';
import { DELIVERY_OPTIONS, FORMAT_OPTIONS, ORG_TYPE_OPTIONS, PERSON_ID_TYPES } from './apply-options.js';
import { useSubmitPublicRequest } from './use-public.js';

type Kind = 'person' | 'org';

export interface ApplyFormValues {
  kind: Kind;
  orgType?: PublicRequestBody['applicant']['type'];
  applicant: { name: string; idType: string; idNumber: string; phone: string; email?: string; address?: string };
  contactName?: string;
  description: string;
  deliveryMethod: PublicRequestBody['deliveryMethod'];
  format: PublicRequestBody['format'];
  agree: boolean;
}

/** A rule from a core validator: the validator's Chinese message becomes the field error. */
function validatorRule(check: (value: string) => { ok: true } | { ok: false; message: string }, optional = false): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      const v = typeof value === 'string' ? value : '';
      if (optional && v.trim() === '') return;
      const r = check(v);
      if (!r.ok) throw new Error(r.message);
    },
  };
}

/** The form values as the API body (条例 Art.29: 姓名或者名称、身份证明、联系方式; 描述; 获取方式). */
export function toRequestBody(v: ApplyFormValues): PublicRequestBody {
  const isOrg = v.kind === 'org';
  const address = (v.applicant.address ?? '').trim();
  return {
    applicant: {
      type: isOrg ? (v.orgType ?? 'otherOrg') : 'natural',
      name: v.applicant.name.trim(),
      idType: isOrg ? '统一社会信用代码' : v.applicant.idType,
      idNumber: normalizeIdNumber(v.applicant.idNumber ?? ''),
      phone: v.applicant.phone.trim(),
      email: v.applicant.email?.trim() || null,
      address: address || null,
      contactName: isOrg && v.contactName?.trim() ? v.contactName.trim() : null,
    },
    description: v.description.trim(),
    deliveryMethod: v.deliveryMethod,
    format: v.format,
  };
}

const INITIAL: Partial<ApplyFormValues> = {
  kind: 'person',
  orgType: 'commercial',
  applicant: { name: '', idType: '身份证', idNumber: '', phone: '', email: '', address: '' },
  deliveryMethod: 'online',
  format: 'electronic',
  agree: false,
};

/**
 * The online application (政府信息公开申请表, 条例 Art.29). The applicant type switches the identity fields:
 * 自然人 → 姓名 + 证件 (身份证 checked with its GB 11643 check digit as you type); 法人或其他组织 → 名称 +
 * 统一社会信用代码 (GB 32100 check character) + 联系人.
 */
export function ApplyForm({ onSubmitted }: { onSubmitted: (created: PublicCreated, values: ApplyFormValues) => void }) {
  const [form] = Form.useForm<ApplyFormValues>();
  const submit = useSubmitPublicRequest();
  const [serverErrors, setServerErrors] = useState<string[]>([]);
  const kind = Form.useWatch('kind', form) ?? 'person';
  const idType = Form.useWatch(['applicant', 'idType'], form) ?? '身份证';
  const delivery = Form.useWatch('deliveryMethod', form);
  const isOrg = kind === 'org';

  const onFinish = async (values: ApplyFormValues) => {
    setServerErrors([]);
    try {
      const created = await submit.mutateAsync(toRequestBody(values));
      onSubmitted(created, values);
    } catch (err) {
      const rest = applyServerErrors(form, err);
      setServerErrors(rest.length ? rest : []);
    }
  };

  return (
    <Form<ApplyFormValues>
      form={form}
      layout="vertical"
      initialValues={INITIAL}
      onFinish={onFinish}
      scrollToFirstError
      requiredMark
      aria-label="政府信息公开申请表"
      onValuesChange={(changed: Partial<ApplyFormValues>) => {
        if (changed.kind) form.setFieldValue(['applicant', 'idNumber'], '');
        if (changed.kind === 'person') form.setFieldValue(['applicant', 'idType'], '身份证');
      }}
    >
      {serverErrors.length > 0 && (
        <Alert type="error" showIcon title="提交未成功" description={serverErrors.join('；')} style={{ marginBottom: 16 }} />
      )}
      {submit.isError && serverErrors.length === 0 && (
        <Alert type="error" showIcon title="提交未成功" description="请根据表单中标红的提示修改后重新提交。" style={{ marginBottom: 16 }} />
      )}

      <Card title="申请人信息" size="small" style={{ marginBottom: 16 }}>
        <Form.Item name="kind" label="申请人类型" rules={[{ required: true }]}>
          <Radio.Group optionType="button" buttonStyle="solid" options={[{ value: 'person', label: '自然人' }, { value: 'org', label: '法人或其他组织' }]} />
        </Form.Item>
        <Row gutter={16}>
          {isOrg && (
            <Col xs={24} md={12}>
              <Form.Item name="orgType" label="组织类别" rules={[{ required: true, message: '请选择组织类别' }]}>
                <Select options={ORG_TYPE_OPTIONS} />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={12}>
            <Form.Item name={['applicant', 'name']} label={isOrg ? '名称' : '姓名'} rules={[{ required: true, whitespace: true, message: isOrg ? '请填写单位名称' : '请填写姓名' }, { max: 200, message: '不能超过200个字' }]}>
              <Input placeholder={isOrg ? '与营业执照或登记证书一致' : '与证件上的姓名一致'} autoComplete={isOrg ? 'organization' : 'name'} />
            </Form.Item>
          </Col>
          {!isOrg && (
            <Col xs={24} md={12}>
              <Form.Item name={['applicant', 'idType']} label="证件类型" rules={[{ required: true }]}>
                <Select options={PERSON_ID_TYPES.map((t) => ({ value: t, label: t === '身份证' ? '居民身份证' : t }))} onChange={() => form.setFields([{ name: ['applicant', 'idNumber'], errors: [] }])} />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={12}>
            <Form.Item
              name={['applicant', 'idNumber']}
              label={isOrg ? '统一社会信用代码' : idType === '身份证' ? '身份证号码' : '证件号码'}
              dependencies={[['applicant', 'idType'], 'kind']}
              validateFirst
              rules={[
                { required: true, whitespace: true, message: isOrg ? '请填写统一社会信用代码' : '请填写证件号码' },
                isOrg ? validatorRule(validateCreditCode) : validatorRule((v) => validateIdentity(form.getFieldValue(['applicant', 'idType']) ?? '身份证', v)),
              ]}
              extra={isOrg ? '18位，由数字和大写字母组成' : idType === '身份证' ? '18位，最后一位可能是 X；填写时即自动校验' : undefined}
            >
              <Input maxLength={40} autoComplete="off" />
            </Form.Item>
          </Col>
          {isOrg && (
            <Col xs={24} md={12}>
              <Form.Item name="contactName" label="联系人" rules={[{ required: true, whitespace: true, message: '请填写联系人姓名' }, { max: 50 }]}>
                <Input autoComplete="name" />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={12}>
            <Form.Item name={['applicant', 'phone']} label="联系电话" validateFirst rules={[{ required: true, whitespace: true, message: '请填写联系电话' }, validatorRule(validatePhone)]}>
              <Input inputMode="tel" autoComplete="tel" placeholder="手机号码或带区号的固定电话" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name={['applicant', 'email']}
              label="电子邮箱"
              dependencies={['deliveryMethod']}
              validateFirst
              rules={[{ required: delivery === 'email', whitespace: true, message: '选择电子邮件方式获取信息时，请填写电子邮箱' }, validatorRule(validateEmail, true)]}
            >
              <Input inputMode="email" autoComplete="email" placeholder="name@example.com" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              name={['applicant', 'address']}
              label="通信地址"
              dependencies={['deliveryMethod']}
              rules={[{ required: delivery === 'post', whitespace: true, message: '选择邮寄方式时，请填写通信地址（含邮政编码）' }, { max: 400 }]}
            >
              <Input autoComplete="street-address" placeholder="省（市）、区县、街道门牌号，邮政编码" />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card title="申请公开的政府信息" size="small" style={{ marginBottom: 16 }}>
        <Form.Item
          name="description"
          label="所需信息的名称、文号或者便于查询的其他特征性描述"
          rules={[{ required: true, whitespace: true, message: '请描述您需要的政府信息' }, { min: 5, message: '描述过于简短，请写明信息名称、文号或其他特征（至少5个字）' }, { max: 5000, message: '不能超过5000个字' }]}
          extra="例如：《关于××项目用地预审的批复》（示自然资函〔2024〕12号）；或“2023年××区××地块的土地出让合同”。描述越具体，办理越快。"
        >
          <Input.TextArea rows={5} maxLength={5000} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={14}>
            <Form.Item name="deliveryMethod" label="获取信息的方式" rules={[{ required: true, message: '请选择获取信息的方式' }]}>
              <Radio.Group options={DELIVERY_OPTIONS.map((o) => ({ ...o }))} vertical />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name="format" label="信息的载体形式" rules={[{ required: true, message: '请选择载体形式' }]}>
              <Radio.Group options={FORMAT_OPTIONS.map((o) => ({ ...o }))} />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Form.Item
        name="agree"
        valuePropName="checked"
        rules={[{ validator: async (_r, v) => { if (!v) throw new Error('请确认所填信息真实有效'); } }]}
      >
        <Checkbox>本人承诺以上信息真实有效，并知悉申请内容不明确时行政机关将告知补正。</Checkbox>
      </Form.Item>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        依据《中华人民共和国政府信息公开条例》第二十九条、第三十三条：行政机关收到申请后，能够当场答复的当场答复；不能当场答复的，自收到申请之日起20个工作日内予以答复。网上提交的申请，以双方确认之日为收到申请之日。
      </Typography.Paragraph>
      <Form.Item>
        <Button type="primary" htmlType="submit" size="large" loading={submit.isPending} block>
          提交申请
        </Button>
      </Form.Item>
    </Form>
  );
}
