import { writeFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { openRuntime } from '../../runtime.js';
import { defaultFormatForYear, isReportFormat, REPORT_FORMAT_LABELS, REPORT_FORMATS, TOTAL_COLUMN } from '../../core/reports/index.js';
import { buildYearReport, renderReportFile, REPORT_FILE_TYPES, type ReportFileType } from '../../services/reports/annual-report.js';
import { CliError, flagString, type ParsedArgs } from '../args.js';

const USAGE = '用法：gongkai report annual --year Y [--format gov-2021|gov-2019|gov-2014] [--out FILE.json|.xlsx|.docx|.html] [--json]';

/**
 * gongkai report annual --year Y [--format …] [--out FILE] [--json] — the statutory annual report computed from the
 * records (DESIGN.md "Command line"). The format follows the year unless given (≤2018 gov-2014, 2019–2020 gov-2019,
 * ≥2021 gov-2021). `--json` prints the report JSON to stdout; `--out` writes the file its extension names; with
 * neither, a summary and the invariant checks are printed.
 */
export async function reportCommand(args: ParsedArgs): Promise<number> {
  const [what] = args.positionals;
  if (what !== 'annual') throw new CliError(USAGE);
  const yearText = flagString(args.flags, 'year');
  const year = Number(yearText);
  if (!yearText || !Number.isInteger(year) || year < 2008 || year > 2100) throw new CliError(`--year 需要2008年以后的四位年份，收到 "${yearText ?? ''}"\n${USAGE}`);
  const formatText = flagString(args.flags, 'format');
  if (formatText !== undefined && !isReportFormat(formatText)) throw new CliError(`--format 应为 ${REPORT_FORMATS.join('、')} 之一，收到 "${formatText}"`);
  const format = formatText ?? defaultFormatForYear(year);
  const out = flagString(args.flags, 'out');
  const type = out === undefined ? undefined : extname(out).toLowerCase().slice(1);
  if (out !== undefined && !(REPORT_FILE_TYPES as readonly string[]).includes(type ?? '')) throw new CliError(`--out 文件应以 .json、.xlsx、.docx 或 .html 结尾，收到 "${out}"`);
  const rt = await openRuntime();
  try {
    const built = await buildYearReport(rt.handle.db, year, format);
    const { report } = built;
    if (args.flags.json === true) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    if (out !== undefined) {
      const file = await renderReportFile(rt.handle.db, built, type as ReportFileType);
      await writeFile(resolve(out), file.body);
      (args.flags.json === true ? process.stderr : process.stdout).write(`已写入 ${out}（${report.year}年度，${REPORT_FORMAT_LABELS[report.format]}）\n`);
    }
    if (args.flags.json !== true && out === undefined) {
      process.stdout.write(`${report.agency}${report.year}年政府信息公开工作年度报告（${REPORT_FORMAT_LABELS[report.format]}）\n`);
      if (report.format === 'gov-2014') {
        const q = report.requests;
        process.stdout.write(`收到申请 ${q.received} 件，办结 ${q.completed} 件（按时 ${q.completedOnTime}，延期 ${q.completedExtended}），告知作出更改补充 ${q.supplementRequested} 件\n`);
      } else {
        const rows = report.requests.rows as Record<string, number[]>;
        process.stdout.write(`本年新收 ${rows.received[TOTAL_COLUMN]} 件，上年结转 ${rows.carriedIn[TOTAL_COLUMN]} 件，办结 ${rows.handledTotal[TOTAL_COLUMN]} 件，结转下年度 ${rows.carriedOut[TOTAL_COLUMN]} 件\n`);
      }
    }
    const failing = report.checks.filter((c) => !c.ok);
    for (const c of failing) process.stderr.write(`校验未通过：${c.rule}——${c.detail}\n`);
    if (args.flags.json !== true && out === undefined) process.stdout.write(failing.length === 0 ? `校验：${report.checks.length} 项全部通过\n` : `校验：${failing.length} 项未通过（见上）\n`);
    return 0;
  } finally {
    await rt.close();
  }
}
