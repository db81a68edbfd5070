/**
 * Use case: import annual facts (年度填报数据, core/reports/facts.ts) from a file — the figures an office already keeps
 * in a spreadsheet (staff, budget, meetings, 主动公开 counts before the publications module has data…).
 *
 * Accepted files:
 * - .json: `{ "year": 2024, "facts": { "regulationsIssued": 2, "举报投诉数量（因政府信息公开工作收到的举报投诉）": 3 } }`, or an
 *   array of such objects;
 * - .csv / .xlsx: columns 年度 (year), 填报项 (item: the field key or its label on the form), 数值 (value), one row per
 *   figure.
 * The items of a year replace those items in the stored facts of that year (others are kept). Every problem is
 * listed (row, column, value); a file with any problem changes nothing.
 */
import { readFile } from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import { annualFacts } from '../../db/schema/index.js';
import { DomainError } from '../../core/errors.js';
import { ANNUAL_FACT_FIELDS, validateAnnualFacts } from '../../core/reports/facts.js';
import { appendAudit } from '../audit.js';
import { requireRole } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { FACTS_WRITE_ROLES } from '../reports/facts.js';
import { mapHeaders } from './columns.js';
import { displayName, ErrorList, type ImportOptions, type ImportResult } from './common.js';
import { ledgerFormatOf, readRawRows } from './readers.js';
import { cellText, normaliseHeader, type CellValue } from './values.js';

const FACT_COLUMNS = [
  { key: 'year', header: '年度', required: true, aliases: ['报告年度', '年份'] },
  { key: 'item', header: '填报项', required: true, aliases: ['项目', '统计指标', '指标'] },
  { key: 'value', header: '数值', required: true, aliases: ['统计数', '数量', '值', '内容'] },
] as const;

const FIELD_BY_NAME = new Map<string, (typeof ANNUAL_FACT_FIELDS)[number]>();
for (const f of ANNUAL_FACT_FIELDS) {
  FIELD_BY_NAME.set(f.key.toLowerCase(), f);
  FIELD_BY_NAME.set(normaliseHeader(f.label), f);
}

interface FactRow { row: number; year: CellValue; item: CellValue; value: CellValue; columns: { year: string; item: string; value: string } }

async function* factRows(path: string, format: 'csv' | 'xlsx' | 'json', errors: ErrorList): AsyncGenerator<FactRow> {
  if (format === 'json') {
    // A JSON facts file is a handful of figures: read whole.
    let data: unknown;
    try { data = JSON.parse((await readFile(path, 'utf8')).replace(/^\uFEFF/, '')); } catch (e) {
      throw new DomainError('VALIDATION', `JSON 文件格式有误（${(e as Error).message}）`);
    }
    const list = Array.isArray(data) ? data : [data];
    let row = 1;
    for (const entry of list) {
      row += 1;
      const o = (entry && typeof entry === 'object' ? entry : {}) as { year?: unknown; facts?: unknown };
      if (!o.facts || typeof o.facts !== 'object') {
        errors.add({ row, column: 'facts', value: '', message: '应为 {"year": 年度, "facts": {填报项: 数值}}' });
        continue;
      }
      for (const [item, value] of Object.entries(o.facts as Record<string, unknown>)) {
        yield { row, year: o.year as CellValue, item, value: value as CellValue, columns: { year: 'year', item, value: item } };
      }
    }
    return;
  }
  let map: ReturnType<typeof mapHeaders<'year' | 'item' | 'value'>> | null = null;
  for await (const raw of readRawRows(path, format)) {
    if (raw.cells.every((c) => cellText(c) === '')) continue;
    if (map === null) {
      map = mapHeaders(FACT_COLUMNS, raw.cells.map((c) => cellText(c)));
      for (const c of FACT_COLUMNS) if (map.index[c.key] === undefined) errors.add({ row: raw.row, column: c.header, value: '', message: `缺少必填列「${c.header}」，表头应为：年度、填报项、数值` });
      if (errors.count > 0) return;
      continue;
    }
    const at = (k: 'year' | 'item' | 'value') => raw.cells[map!.index[k]!] ?? null;
    yield { row: raw.row, year: at('year'), item: at('item'), value: at('value'), columns: { year: map.text.year!, item: map.text.item!, value: map.text.value! } };
  }
}

/** Imports annual facts; see the module comment. */
export async function importAnnualFacts(ctx: ServiceContext, path: string, opts: ImportOptions = {}): Promise<ImportResult & { years: number[] }> {
  const actor = requireRole(ctx.actor, ...FACTS_WRITE_ROLES);
  const filename = displayName(path, opts);
  const format = opts.format ?? ledgerFormatOf(filename) ?? ledgerFormatOf(path);
  if (!format) throw new DomainError('VALIDATION', `不支持的文件类型“${filename}”：请导入 .csv、.xlsx 或 .json 文件`);
  const errors = new ErrorList();
  const byYear = new Map<number, Record<string, unknown>>();
  let total = 0;
  for await (const r of factRows(path, format, errors)) {
    total += 1;
    const yearText = cellText(r.year);
    const year = Number(yearText.replace(/年(度)?$/, ''));
    if (!Number.isInteger(year) || year < 2008 || year > 2100) {
      errors.add({ row: r.row, column: r.columns.year, value: yearText, message: '年度应为2008年以后的四位年份' });
      continue;
    }
    const itemText = cellText(r.item);
    const field = FIELD_BY_NAME.get(itemText.toLowerCase()) ?? FIELD_BY_NAME.get(normaliseHeader(itemText));
    if (!field) {
      errors.add({ row: r.row, column: r.columns.item, value: itemText, message: '未知的填报项：请使用年度填报表单中的名称或键名（如 staff、“从事政府信息公开工作人员数”）' });
      continue;
    }
    let value: unknown = r.value;
    if (typeof value === 'string') {
      const s = value.trim();
      value = s === '' ? null : field.kind !== 'text' && /^-?\d+(\.\d+)?$/.test(s.replace(/,/g, '')) ? Number(s.replace(/,/g, '')) : s;
    }
    if (value instanceof Date || typeof value === 'boolean') value = cellText(value as CellValue);
    const facts = byYear.get(year) ?? {};
    const problems = value === null ? [] : validateAnnualFacts({ [field.key]: value });
    if (problems.length > 0) errors.add({ row: r.row, column: r.columns.value, value: cellText(r.value), message: problems.join('；') });
    else facts[field.key] = value;
    byYear.set(year, facts);
  }
  const result: ImportResult & { years: number[] } = { kind: 'facts', filename, ok: false, total, inserted: 0, updated: 0, errors: [], errorCount: 0, warnings: [], departmentsCreated: [], years: [...byYear.keys()].sort() };
  if (total === 0 && errors.count === 0) errors.add({ row: 2, column: '', value: '', message: '文件中没有填报数据' });
  if (errors.count > 0) {
    result.errors = errors.sorted();
    result.errorCount = errors.count;
    return result;
  }
  await ctx.db.transaction(async (tx) => {
    for (const [year, facts] of byYear) {
      const [old] = await tx.select().from(annualFacts).where(eq(annualFacts.year, year));
      const merged: Record<string, unknown> = { ...((old?.facts ?? {}) as Record<string, unknown>) };
      for (const [k, v] of Object.entries(facts)) {
        if (v === null) delete merged[k];
        else merged[k] = v;
      }
      if (old) result.updated += 1; else result.inserted += 1;
      await tx.insert(annualFacts).values({ year, facts: merged, updatedBy: actor.id > 0 ? actor.id : null })
        .onConflictDoUpdate({ target: annualFacts.year, set: { facts: merged, updatedBy: actor.id > 0 ? actor.id : null, updatedAt: new Date() } });
      await appendAudit(tx, actor, { action: 'report.facts_imported', targetType: 'annual_facts', targetId: year, detail: { file: filename, before: old?.facts ?? {}, after: merged } }, ctx.ip ?? null, ctx.now);
    }
  });
  result.ok = true;
  return result;
}
