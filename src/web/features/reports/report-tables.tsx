import type { ReactElement } from 'react';
import { Tag, Typography } from 'antd';
import {
  GOV2014_LINES, REQUEST_COLUMN_LABELS, REQUEST_TABLE_NOTE, REVIEW_CELLS, REVIEW_CELL_LABELS, REVIEW_GROUPS, REVIEW_GROUP_LABELS,
  requestRowsOf, type RequestColumn, type RequestRowDef,
} from '../../../core/reports/formats.js';
import { ANNUAL_FACT_FIELDS } from '../../../core/reports/facts.js';
import type { AnnualReport, Gov2014Report, TableReport } from '../../../core/reports/types.js';
import { valueAt } from './use-annual-report.js';

const cell = (v: unknown) => (v === null || v === undefined ? '—' : String(v));

function Entered({ report, path }: { report: AnnualReport; path: string }) {
  return report.sources?.[path] === 'entered' ? <Tag color="blue" style={{ marginInlineStart: 4, fontSize: 11 }}>填报</Tag> : null;
}

/** Label cells with the official merged layout: section (一…四), group (（一）…（七）), item (1. 2. …). */
function labelCells(rows: readonly RequestRowDef[], i: number) {
  const r = rows[i];
  const cells: ReactElement[] = [];
  const sameSection = (j: number) => rows[j]?.section === r.section;
  const sectionStart = i === 0 || !sameSection(i - 1);
  const sectionSpan = rows.filter((x) => x.section === r.section).length;
  if (!r.group) {
    cells.push(<th key="s" colSpan={3} className="gk-rt-label">{r.section}</th>);
    return cells;
  }
  if (sectionStart) cells.push(<th key="s" rowSpan={sectionSpan} className="gk-rt-label gk-rt-vertical">{r.section}</th>);
  if (!r.item) {
    cells.push(<th key="g" colSpan={2} className="gk-rt-label">{r.group}</th>);
    return cells;
  }
  const groupStart = rows[i - 1]?.group !== r.group;
  if (groupStart) cells.push(<th key="g" rowSpan={rows.filter((x) => x.group === r.group).length} className="gk-rt-label">{r.group}</th>);
  cells.push(<th key="i" className="gk-rt-label gk-rt-item">{r.item}</th>);
  return cells;
}

/** Part 三 of gov-2021 / gov-2019: rows × applicant columns, merged headers as printed in the 国办 template. */
export function RequestsTable({ report }: { report: TableReport }) {
  const rows = requestRowsOf(report.format);
  const cols = report.requests.columns as RequestColumn[];
  const values = report.requests.rows as Record<string, number[]>;
  return (
    <div style={{ overflowX: 'auto' }}>
      <table className="gk-report-table" aria-label="收到和处理政府信息公开申请情况">
        <thead>
          <tr>
            <th colSpan={3} rowSpan={3} className="gk-rt-note">{REQUEST_TABLE_NOTE}</th>
            <th colSpan={7}>申请人情况</th>
          </tr>
          <tr>
            <th rowSpan={2}>{REQUEST_COLUMN_LABELS[cols[0]]}</th>
            <th colSpan={5}>法人或其他组织</th>
            <th rowSpan={2}>{REQUEST_COLUMN_LABELS[cols[6]]}</th>
          </tr>
          <tr>
            {cols.slice(1, 6).map((c) => <th key={c}>{REQUEST_COLUMN_LABELS[c]}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.key} className={r.key === 'handledTotal' ? 'gk-rt-total' : undefined}>
              {labelCells(rows, i)}
              {(values[r.key] ?? []).map((v, j) => <td key={j}>{v}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Part 四: 行政复议 and 行政诉讼 (two routes), five cells each. */
export function ReviewsTable({ report }: { report: TableReport }) {
  return (
    <div style={{ overflowX: 'auto' }}>
      <table className="gk-report-table" aria-label="行政复议、行政诉讼情况">
        <thead>
          <tr>{REVIEW_GROUPS.map((g) => <th key={g} colSpan={5}>{REVIEW_GROUP_LABELS[g]}</th>)}</tr>
          <tr>{REVIEW_GROUPS.flatMap((g) => REVIEW_CELLS.map((c) => <th key={`${g}-${c}`}>{REVIEW_CELL_LABELS[c]}</th>))}</tr>
        </thead>
        <tbody>
          <tr>{REVIEW_GROUPS.flatMap((g) => REVIEW_CELLS.map((c) => <td key={`${g}-${c}`}>{report.reviews[g][c]}</td>))}</tr>
        </tbody>
      </table>
    </div>
  );
}

/** Part 二 (proactive disclosure) values with their labels; entered values are marked 填报. */
export function ProactiveTable({ report }: { report: TableReport }) {
  const fields = ANNUAL_FACT_FIELDS.filter((f) => f.path?.startsWith('proactive.') && (f.formats as readonly string[]).includes(report.format));
  return (
    <table className="gk-report-table gk-report-kv" aria-label="主动公开政府信息情况">
      <tbody>
        {fields.map((f) => (
          <tr key={f.key}>
            <th className="gk-rt-label">{f.label}</th>
            <td>{cell(valueAt(report, f.path!))}{f.unit ? ` ${f.unit}` : ''}<Entered report={report} path={f.path!} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The gov-2014 统计表 (国办发〔2014〕32号), line by line with units. */
export function Gov2014Table({ report }: { report: Gov2014Report }) {
  return (
    <table className="gk-report-table gk-report-kv" aria-label="政府信息公开情况统计表">
      <thead><tr><th>统计指标</th><th style={{ width: 70 }}>单位</th><th style={{ width: 120 }}>统计数</th></tr></thead>
      <tbody>
        {GOV2014_LINES.map((l, i) => (
          <tr key={i}>
            <th className="gk-rt-label" style={{ paddingInlineStart: 8 + l.indent * 16, fontWeight: l.indent === 0 ? 600 : 400 }}>{l.label}</th>
            <td>{l.unit}</td>
            <td>{l.path ? <>{cell(valueAt(report, l.path))}<Entered report={report} path={l.path} /></> : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ChecksList({ report }: { report: AnnualReport }) {
  const failed = report.checks.filter((c) => !c.ok);
  return (
    <div>
      <Typography.Paragraph>
        共 {report.checks.length} 项勾稽校验，{failed.length === 0 ? <Typography.Text type="success">全部通过</Typography.Text> : <Typography.Text type="danger">{failed.length} 项未通过</Typography.Text>}。
      </Typography.Paragraph>
      <table className="gk-report-table gk-report-kv" aria-label="勾稽校验">
        <tbody>
          {report.checks.map((c, i) => (
            <tr key={i}>
              <td style={{ width: 70 }}><Tag color={c.ok ? 'success' : 'error'}>{c.ok ? '通过' : '未通过'}</Tag></td>
              <th className="gk-rt-label">{c.rule}</th>
              <td style={{ textAlign: 'left' }}>{c.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
