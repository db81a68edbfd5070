import { z } from 'zod';

/**
 * A calendar date as YYYY-MM-DD that exists (no 2024-02-30) and that PostgreSQL's `date` takes: the pattern alone let
 * impossible dates through to SQL, which failed there (a 500). Years 1900–2999 cover every record this system keeps.
 */
export const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD').refine((s) => {
  const year = Number(s.slice(0, 4));
  const d = new Date(`${s}T00:00:00Z`);
  return year >= 1900 && year <= 2999 && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}, '不是有效日期（请使用 YYYY-MM-DD 格式的真实日期）');
