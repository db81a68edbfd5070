import { useEffect, useState } from 'react';
import { Button, Checkbox, Col, Input, InputNumber, Row, Select } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import type { RequestFilters } from '../../api/types.js';
import { APPLICANT_TYPE_OPTIONS, CHANNEL_OPTIONS, STATE_OPTIONS } from './labels.js';
import { useDepartments } from './use-requests.js';

const THIS_YEAR = new Date().getFullYear();
const YEAR_OPTIONS = Array.from({ length: THIS_YEAR - 2007 }, (_, i) => ({ value: THIS_YEAR - i, label: `${THIS_YEAR - i}年` }));

/** The filter bar of request lists: state, department, applicant type, channel, year, text, overdue, due within N. */
export function RequestFiltersBar({ value, onChange, hideDepartment = false }: { value: RequestFilters; onChange: (f: RequestFilters) => void; hideDepartment?: boolean }) {
  const departments = useDepartments();
  const [text, setText] = useState(value.q ?? '');
  useEffect(() => setText(value.q ?? ''), [value.q]);
  const set = (patch: Partial<RequestFilters>) => onChange({ ...value, ...patch, page: 1 });

  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }} align="middle">
      <Col xs={24} md={12} xl={6}>
        <Input.Search
          placeholder="编号、查询码、申请人或内容"
          allowClear
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(q) => set({ q: q.trim() || undefined })}
          aria-label="搜索"
        />
      </Col>
      <Col xs={24} md={12} xl={6}>
        <Select mode="multiple" allowClear placeholder="办理状态" options={STATE_OPTIONS} value={value.state ?? []} onChange={(s: string[]) => set({ state: s.length ? s : undefined })} style={{ width: '100%' }} maxTagCount="responsive" aria-label="办理状态" />
      </Col>
      {!hideDepartment && (
        <Col xs={12} md={8} xl={4}>
          <Select allowClear placeholder="承办单位" loading={departments.isPending} options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))} value={value.departmentId} onChange={(v?: number) => set({ departmentId: v })} style={{ width: '100%' }} showSearch={{ optionFilterProp: 'label' }} aria-label="承办单位" />
        </Col>
      )}
      <Col xs={12} md={8} xl={4}>
        <Select allowClear placeholder="申请人类型" options={APPLICANT_TYPE_OPTIONS} value={value.applicantType} onChange={(v?: string) => set({ applicantType: v })} style={{ width: '100%' }} aria-label="申请人类型" />
      </Col>
      <Col xs={12} md={8} xl={4}>
        <Select allowClear placeholder="申请方式" options={CHANNEL_OPTIONS} value={value.channel} onChange={(v?: string) => set({ channel: v })} style={{ width: '100%' }} aria-label="申请方式" />
      </Col>
      <Col xs={12} md={6} xl={3}>
        <Select allowClear placeholder="收到年份" options={YEAR_OPTIONS} value={value.year} onChange={(v?: number) => set({ year: v })} style={{ width: '100%' }} aria-label="收到年份" />
      </Col>
      <Col xs={12} md={6} xl={4}>
        <Checkbox checked={value.overdue ?? false} onChange={(e) => set({ overdue: e.target.checked || undefined, dueWithinDays: e.target.checked ? undefined : value.dueWithinDays })}>
          仅看已超期
        </Checkbox>
      </Col>
      <Col xs={24} md={8} xl={6}>
        <InputNumber
          min={0}
          max={60}
          placeholder="N"
          value={value.dueWithinDays ?? null}
          onChange={(v) => set({ dueWithinDays: v === null ? undefined : Number(v), overdue: v === null ? value.overdue : undefined })}
          prefix="到期："
          suffix="个工作日内"
          style={{ width: '100%' }}
          aria-label="几个工作日内到期"
        />
      </Col>
      <Col xs={12} md={6} xl={4}>
        <Select
          value={value.sort ?? 'received'}
          onChange={(v: 'due' | 'received' | 'created') => set({ sort: v })}
          options={[{ value: 'received', label: '最近收到在前' }, { value: 'due', label: '到期日近的在前' }, { value: 'created', label: '最近登记在前' }]}
          style={{ width: '100%' }}
          aria-label="排序"
        />
      </Col>
      <Col>
        <Button icon={<ReloadOutlined />} onClick={() => onChange({ page: 1 })}>重置</Button>
      </Col>
    </Row>
  );
}
