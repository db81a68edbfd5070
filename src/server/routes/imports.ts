import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { App } from '../app.js';
import { DomainError } from '../../core/errors.js';
import { cleanFileName } from '../../core/validators/text.js';
import { JobParams } from '../../shared/reports.js';
import { getImportJob, startImportJob } from '../../services/imports/jobs.js';
import { ledgerFormatOf } from '../../services/imports/readers.js';
import type { ImportKind } from '../../services/imports/common.js';
import { EXPORT_ROLES, exportRequestLedger } from '../../services/imports/export-requests.js';
import { IMPORT_ROLES } from '../../services/imports/import-requests.js';
import { needRole } from '../plugins/auth.js';
import { attachment } from './notices.js';

/** Largest ledger accepted over HTTP (a 100,000-row XLSX is about 6 MB; CSV about 15 MB). */
const MAX_LEDGER_BYTES = 200 * 1024 * 1024;

/**
 * Saves the uploaded ledger (field `file`) to a temporary directory and starts the import job; 202 {jobId}.
 * The import runs in this process after the reply; GET /api/imports/:jobId reports progress and errors.
 */
async function acceptUpload(kind: ImportKind, req: FastifyRequest, reply: FastifyReply) {
  if (!req.isMultipart()) throw new DomainError('VALIDATION', '请以 multipart/form-data 方式上传台账文件（字段名 file）');
  const part = await req.file({ limits: { fileSize: MAX_LEDGER_BYTES, files: 1 } });
  if (!part) throw new DomainError('VALIDATION', '请选择要导入的台账文件（.csv、.xlsx 或 .json）');
  const filename = cleanFileName(part.filename, '台账');
  const format = ledgerFormatOf(filename);
  if (!format) {
    part.file.resume();
    throw new DomainError('VALIDATION', `不支持的文件类型“${filename}”：请上传 .csv（UTF-8 或 GBK）、.xlsx 或 .json 文件`);
  }
  const dir = await mkdtemp(join(tmpdir(), 'gongkai-upload-'));
  const path = join(dir, `ledger.${format}`);
  try {
    await pipeline(part.file, createWriteStream(path));
    if (part.file.truncated) throw new DomainError('PAYLOAD_TOO_LARGE' as never, `文件超过 ${MAX_LEDGER_BYTES / 1024 / 1024}MB，请拆分后分批导入`);
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
  const jobId = await startImportJob(req.ctx(), kind, path, filename, { removeDir: true });
  return reply.status(202).send({ jobId: String(jobId), message: '已收到文件，正在导入；请查询导入进度' });
}

/**
 * Ledger imports (DESIGN.md "Ledger import format", "Cases ledger") and annual facts: the office's registrar; exports
 * also the reviewer. Not the system admin (三员分立: it reads no request content or personal data); whoever runs
 * the server keeps the CLI (`gongkai import`, `gongkai export`).
 */
export async function importRoutes(app: App): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const importers = needRole(...IMPORT_ROLES);
  const tags = ['台账导入'];
  r.post('/api/imports/requests', { preHandler: importers, schema: { tags, summary: '导入依申请公开台账（multipart 字段 file：.csv UTF-8/GBK、.xlsx、.json）' } }, (req, reply) => acceptUpload('requests', req, reply));
  r.post('/api/imports/cases', { preHandler: importers, schema: { tags, summary: '导入行政复议/行政诉讼台账（multipart 字段 file）' } }, (req, reply) => acceptUpload('cases', req, reply));
  r.post('/api/imports/facts', { preHandler: importers, schema: { tags, summary: '导入年度填报数据（.csv/.xlsx 表头 年度、填报项、数值；或 .json）' } }, (req, reply) => acceptUpload('facts', req, reply));
  r.get('/api/exports/requests', {
    preHandler: needRole(...EXPORT_ROLES),
    schema: { tags, summary: '导出依申请公开台账（与导入格式相同，可原样导回）：csv（UTF-8 BOM）、xlsx、json', querystring: z.object({ format: z.enum(['csv', 'xlsx', 'json']).default('xlsx') }) },
  }, async (req, reply) => {
    // Written to a temporary file by the streaming exporter, then streamed out and removed: memory stays flat.
    const dir = await mkdtemp(join(tmpdir(), 'gongkai-export-'));
    const path = join(dir, `ledger.${req.query.format}`);
    try {
      await exportRequestLedger(req.ctx(), path, req.query.format);
    } catch (e) {
      await rm(dir, { recursive: true, force: true });
      throw e;
    }
    const stream = createReadStream(path);
    stream.on('close', () => { void rm(dir, { recursive: true, force: true }); });
    const type = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', json: 'application/json; charset=utf-8' }[req.query.format];
    return reply.type(type).header('content-disposition', attachment(`依申请公开台账-${req.ctx().today}.${req.query.format}`)).send(stream);
  });
  r.get('/api/imports/:jobId', { preHandler: importers, schema: { tags, summary: '导入进度与错误清单', params: JobParams } }, async (req) => getImportJob(req.ctx(), req.params.jobId));
}
