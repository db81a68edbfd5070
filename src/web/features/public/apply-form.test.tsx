import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { ApplyForm, toRequestBody, type ApplyFormValues } from './apply-form.js';
import { renderWithApp, stubApi } from '../../test-utils.js';

afterEach(() => cleanup());

function type(label: string | RegExp, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('ApplyForm (条例第二十九条)', () => {
  it('shows the check-digit error of a wrong 身份证 number while typing', async () => {
    stubApi({});
    renderWithApp(<ApplyForm onSubmitted={() => {}} />);
    type('身份证号码', '110105194912310021');
    expect(await screen.findByText('身份证号码校验位错误：最后一位与前17位不符，请逐位核对号码是否抄错。')).toBeTruthy();
    type('身份证号码', '11010519491231002x');
    await waitFor(() => expect(screen.queryByText(/身份证号码校验位错误/)).toBeNull());
  });

  it('switches to 名称 + 统一社会信用代码 + 联系人 for 法人或其他组织 and checks the code', async () => {
    stubApi({});
    renderWithApp(<ApplyForm onSubmitted={() => {}} />);
    fireEvent.click(screen.getByText('法人或其他组织'));
    expect(await screen.findByLabelText('统一社会信用代码')).toBeTruthy();
    expect(screen.getByLabelText('名称')).toBeTruthy();
    expect(screen.getByLabelText('联系人')).toBeTruthy();
    expect(screen.queryByLabelText('姓名')).toBeNull();
    type('统一社会信用代码', '91350100M000100Y44');
    expect(await screen.findByText(/统一社会信用代码校验位错误/)).toBeTruthy();
  });

  it('does not submit an empty form and names what is missing', async () => {
    const calls = stubApi({});
    renderWithApp(<ApplyForm onSubmitted={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: /提交申请/ }));
    expect(await screen.findByText('请填写姓名')).toBeTruthy();
    expect(screen.getByText('请填写证件号码')).toBeTruthy();
    expect(screen.getByText('请填写联系电话')).toBeTruthy();
    expect(screen.getByText('请描述您需要的政府信息')).toBeTruthy();
    expect(calls).toHaveLength(0);
  });

  it('submits a valid application and shows server field problems on the matching field', async () => {
    const calls = stubApi({
      'POST /api/public/requests': () => ({
        status: 400,
        body: { error: { id: 'validation', code: 'VALIDATION', message: '提交的内容有误：联系电话：号码已停用', details: { problems: [{ field: 'applicant.phone', message: '联系电话：号码已停用' }] } } },
      }),
    });
    const onSubmitted = vi.fn();
    renderWithApp(<ApplyForm onSubmitted={onSubmitted} />);
    type('姓名', '张三');
    type('身份证号码', '11010519491231002X');
    type('联系电话', '13900139000');
    type(/所需信息的名称/, '2023年南湖镇土地征收补偿安置方案');
    fireEvent.click(screen.getByRole('checkbox'));
    fireEvent.click(screen.getByRole('button', { name: /提交申请/ }));
    expect(await screen.findByText('联系电话：号码已停用')).toBeTruthy();
    expect(calls).toHaveLength(1);
    expect(calls[0].body).toEqual({
      applicant: { type: 'natural', name: '张三', idType: '身份证', idNumber: '11010519491231002X', phone: '13900139000', email: null, address: null, contactName: null },
      description: '2023年南湖镇土地征收补偿安置方案',
      deliveryMethod: 'online',
      format: 'electronic',
    });
    expect(onSubmitted).not.toHaveBeenCalled();
  });
});

describe('toRequestBody', () => {
  it('sends an organisation with its credit code and its contact person in a field of its own', () => {
    const v: ApplyFormValues = {
      kind: 'org', orgType: 'legalService', contactName: ' 李律师 ',
      applicant: { name: '某律师事务所', idType: '身份证', idNumber: '91350100m000100y43', phone: '010-66558740', email: 'a@b.cn', address: '北京市西城区府右街2号' },
      description: '某项目批复', deliveryMethod: 'post', format: 'paper', agree: true,
    };
    expect(toRequestBody(v).applicant).toEqual({
      type: 'legalService', name: '某律师事务所', idType: '统一社会信用代码', idNumber: '91350100M000100Y43',
      phone: '010-66558740', email: 'a@b.cn', address: '北京市西城区府右街2号', contactName: '李律师',
    });
  });
});
