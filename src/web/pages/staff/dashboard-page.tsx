import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { Card, Col, Empty, Row, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { ClockCircleOutlined, ExclamationCircleOutlined, FileDoneOutlined, InboxOutlined } from '@ant-design/icons';
import { hasAnyRole, useMe } from '../../features/auth/use-session.js';
import { REQUEST_ROLES, ROLE_LABELS } from '../../features/auth/access.js';
import { menuFor } from '../../features/auth/staff-menu.js';
import { useAlerts } from '../../features/requests/use-requests.js';
import { groupOutcomeCounts, useDashboardStats } from '../../features/dashboard/year-stats.js';
import { EChart } from '../../components/echart.js';
import { OPEN_STATES, REQUEST_STATES, type RequestState } from '../../../core/requests/states.js';
import { ErrorResult } from '../../components/error-result.js';
import { formatDate } from '../../components/format.js';
import type { AlertItem } from '../../api/types.js';
import { CalendarWarningBanner } from '../../features/calendar/calendar-status.js';

const YEAR = new Date().getFullYear();
const OUTCOME_COLORS: Record<string, string> = { disclose: '#2e7d32', partly: '#7cb342', withheld: '#c62828', unavailable: '#f9a825', not_processed: '#6d4c41', other: '#78909c', legacy: '#5c6bc0' };

function StatCard({ title, value, loading, icon, to, color }: { title: string; value: number | undefined; loading: boolean; icon: React.ReactNode; to: string; color: string }) {
  return (
    <Link to={to}>
      <Card hoverable className="gk-stat-card" size="small">
        <Statistic title={<Space>{icon}{title}</Space>} value={value ?? 0} loading={loading} suffix="件" styles={{ content: { color } }} />
      </Card>
    </Link>
  );
}

function AlertTable({ items, kind }: { items: (AlertItem & { department: string })[]; kind: 'overdue' | 'dueSoon' }) {
  return (
    <Table size="small" rowKey="id" pagination={{ pageSize: 5, hideOnSinglePage: true, size: 'small' }} dataSource={items}
      locale={{ emptyText: kind === 'overdue' ? '没有超期的申请' : '3个工作日内没有到期的申请' }}
      columns={[
        {
          title: '申请', dataIndex: 'ref', ellipsis: true,
          render: (r: string, x) => (
            <div style={{ minWidth: 0 }}>
              <Link to={`/staff/requests/${x.id}`}>{r}</Link>
              <div style={{ color: '#6b7280', fontSize: 12, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={x.description}>{x.description}</div>
            </div>
          ),
        },
        { title: '承办单位', dataIndex: 'department', width: 120, ellipsis: true },
        {
          title: '期限', dataIndex: 'dueOn', width: 150,
          render: (d: string, x) => (
            <Tooltip title={`答复期限：${formatDate(d)}`}>
              <Tag color={kind === 'overdue' ? 'red' : 'orange'}>{kind === 'overdue' ? `已超期 ${Math.abs(x.workingDaysLeft)} 个工作日` : x.workingDaysLeft === 0 ? '今日到期' : `剩余 ${x.workingDaysLeft} 个工作日`}</Tag>
            </Tooltip>
          ),
        },
      ]}
    />
  );
}

/** 工作台: counters, deadline alerts and this year's requests by month and by outcome. */
export function DashboardPage() {
  const user = useMe().data?.user;
  const canSeeRequests = hasAnyRole(user, REQUEST_ROLES);
  const canSeeAlerts = hasAnyRole(user, ['registrar', 'handler', 'reviewer']);
  const statsQuery = useDashboardStats(YEAR, canSeeRequests);
  const alerts = useAlerts(canSeeAlerts);
  const s = statsQuery.data;
  const byMonth = useMemo(() => s?.receivedByMonth ?? Array.from({ length: 12 }, () => 0), [s]);
  const byOutcome = useMemo(() => groupOutcomeCounts(s?.outcomes ?? []), [s]);
  const closedThisYear = byOutcome.reduce((n, g) => n + g.count, 0);

  const monthOption = useMemo(() => ({
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 16, top: 24, bottom: 28 },
    xAxis: { type: 'category', data: Array.from({ length: 12 }, (_, i) => `${i + 1}月`) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', name: '收到申请', data: byMonth, itemStyle: { color: '#1d4f91' }, barMaxWidth: 28 }],
  }), [byMonth]);
  const outcomeOption = useMemo(() => ({
    tooltip: { trigger: 'item', formatter: '{b}：{c} 件（{d}%）' },
    legend: { bottom: 0, itemWidth: 12, itemHeight: 10, itemGap: 14 },
    series: [{
      type: 'pie', radius: ['38%', '62%'], center: ['50%', '44%'], label: { formatter: '{c}' },
      data: byOutcome.filter((o) => o.count > 0).map((o) => ({ name: o.label, value: o.count, itemStyle: { color: OUTCOME_COLORS[o.key] } })),
    }],
  }), [byOutcome]);

  if (!user) return null;
  if (!canSeeRequests) {
    const entries = menuFor(user).flatMap((e) => ('children' in e ? e.children : [e])).filter((e) => e.path !== '/staff');
    return (
      <>
        <div className="gk-page-title"><Typography.Title level={3}>工作台</Typography.Title></div>
        <CalendarWarningBanner />
        <Card>
          <Typography.Paragraph>您好，{user.displayName}（{user.roles.map((r) => ROLE_LABELS[r]).join('、')}）。</Typography.Paragraph>
          <Row gutter={[16, 16]}>
            {entries.map((e) => (
              <Col key={e.path} xs={24} sm={12} lg={6}>
                <Link to={e.path}><Card hoverable size="small"><Space>{e.icon}{e.label}</Space></Card></Link>
              </Col>
            ))}
          </Row>
        </Card>
      </>
    );
  }

  const flatten = (k: 'overdue' | 'dueSoon') => (alerts.data?.groups ?? []).flatMap((g) => g[k].map((x) => ({ ...x, department: g.department })));

  return (
    <>
      <div className="gk-page-title">
        <Typography.Title level={3}>工作台</Typography.Title>
        <Typography.Text type="secondary">{user.displayName}，您好。今天是 {formatDate(s?.today ?? alerts.data?.today ?? new Date().toISOString().slice(0, 10))}</Typography.Text>
      </div>
      <CalendarWarningBanner />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} lg={6}>
          {hasAnyRole(user, ['registrar'])
            ? <StatCard title="待确认网上申请" value={s?.awaitingConfirmation} loading={statsQuery.isPending} icon={<InboxOutlined />} to="/staff/inbox?tab=confirm" color="#d48806" />
            : <StatCard title={hasAnyRole(user, ['handler']) && !hasAnyRole(user, ['reviewer', 'secrecy_reviewer', 'auditor']) ? '本单位在办' : '在办申请'} value={s?.open} loading={statsQuery.isPending} icon={<InboxOutlined />} to={`/staff/requests?state=${OPEN_STATES.join(',')}&sort=due`} color="#d48806" />}
        </Col>
        <Col xs={12} lg={6}><StatCard title="3个工作日内到期" value={s?.dueSoon} loading={statsQuery.isPending} icon={<ClockCircleOutlined />} to="/staff/requests?dueWithinDays=3" color="#d46b08" /></Col>
        <Col xs={12} lg={6}><StatCard title="已超期" value={s?.overdue} loading={statsQuery.isPending} icon={<ExclamationCircleOutlined />} to="/staff/requests?overdue=true" color="#cf1322" /></Col>
        <Col xs={12} lg={6}><StatCard title={`${YEAR}年收到`} value={s?.receivedThisYear} loading={statsQuery.isPending} icon={<FileDoneOutlined />} to={`/staff/requests?year=${YEAR}`} color="#1d4ed8" /></Col>
      </Row>
      {statsQuery.isError && <ErrorResult error={statsQuery.error} onRetry={() => void statsQuery.refetch()} />}
      {s && s.states.length > 0 && (
        <Card size="small" style={{ marginBottom: 16 }} title={<Space>在办申请 <Typography.Text type="secondary" style={{ fontWeight: 400 }}>共 {s.open} 件{hasAnyRole(user, ['handler']) && !hasAnyRole(user, ['registrar', 'reviewer', 'secrecy_reviewer', 'auditor']) ? '（本单位）' : ''}</Typography.Text></Space>} extra={hasAnyRole(user, ['registrar', 'handler', 'reviewer', 'secrecy_reviewer']) ? <Link to="/staff/inbox">我的待办 →</Link> : undefined}>
          <Space wrap size={[8, 8]}>
            {[...s.states].sort((a, b) => REQUEST_STATES.indexOf(a.state as RequestState) - REQUEST_STATES.indexOf(b.state as RequestState)).map((x) => (
              <Link key={x.state} to={`/staff/requests?state=${x.state}&sort=due`}>
                <Tag color={x.color} style={{ fontSize: 14, padding: '4px 10px', cursor: 'pointer' }}>{x.label} {x.count}</Tag>
              </Link>
            ))}
          </Space>
        </Card>
      )}

      {canSeeAlerts && (
        <Row gutter={16} style={{ marginBottom: 16 }}>
          <Col xs={24} xl={12}>
            <Card title={<Space><ExclamationCircleOutlined style={{ color: '#cf1322' }} />已超期</Space>} size="small" style={{ marginBottom: 16 }}>
              {alerts.isError ? <ErrorResult error={alerts.error} /> : <AlertTable items={flatten('overdue')} kind="overdue" />}
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card title={<Space><ClockCircleOutlined style={{ color: '#d46b08' }} />3个工作日内到期</Space>} size="small" style={{ marginBottom: 16 }}>
              {alerts.isError ? <ErrorResult error={alerts.error} /> : <AlertTable items={flatten('dueSoon')} kind="dueSoon" />}
            </Card>
          </Col>
        </Row>
      )}

      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card title={`${YEAR}年各月收到申请`} size="small" style={{ marginBottom: 16 }} loading={statsQuery.isPending}>
            {s && s.receivedThisYear === 0 ? <Empty description="本年尚未收到申请" /> : <EChart option={monthOption} ariaLabel="各月收到申请数柱状图" />}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={`${YEAR}年办结申请的办理结果（${closedThisYear} 件）`} size="small" style={{ marginBottom: 16 }} loading={statsQuery.isPending}>
            {closedThisYear === 0 ? <Empty description="本年尚无办结的申请" /> : <EChart option={outcomeOption} ariaLabel="办理结果分布图" />}
          </Card>
        </Col>
      </Row>
    </>
  );
}
