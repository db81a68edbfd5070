import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError } from '../../core/errors.js';

/** One table from domain error codes to HTTP statuses (documenso's AppErrorCode map). */
export const STATUS_BY_CODE: Record<string, number> = {
  VALIDATION: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  DEADLINE_ALREADY_EXTENDED: 409,
  EXTENSION_TOO_LONG: 400,
  SUPPLEMENT_TOO_LATE: 409,
  DATE_OUT_OF_ORDER: 400,
  EXTENSION_TOO_LATE: 409,
  FEE_NOTICE_TOO_LATE: 409,
  FEE_PAYMENT_TOO_LATE: 409,
  PERIOD_NOT_EXPIRED: 409,
  RATE_LIMITED: 429,
  CSRF: 403,
  PAYLOAD_TOO_LARGE: 413,
};

export const FIELD_LABELS: Record<string, string> = {
  'applicant.type': '申请人类型', 'applicant.name': '申请人姓名或名称', 'applicant.idType': '证件类型', 'applicant.idNumber': '证件号码',
  'applicant.phone': '联系电话', 'applicant.email': '电子邮箱', 'applicant.address': '通信地址', description: '申请内容',
  deliveryMethod: '获取信息的方式', format: '信息的载体形式', receivedOn: '收到日期', channel: '申请方式', username: '用户名', password: '密码',
  trackingCode: '查询码', key: '查询密码', q: '检索词',
  on: '办理日期', writtenOn: '成文日期', formedOn: '形成日期', issuedOn: '发文日期', validityChangedOn: '效力变更日期', closedOn: '结案日期',
  from: '起始日期', to: '截止日期', holidays: '放假日期', workdays: '调休上班日期', departmentId: '承办单位', categoryId: '主题分类',
};

function zodMessage(issue: { path?: PropertyKey[]; message: string; code?: string }, where: string): { field: string; message: string } {
  const field = (issue.path ?? []).map(String).join('.');
  const label = FIELD_LABELS[field] ?? (field || where);
  // zod reports in Chinese (z.config(z.locales.zhCN()) in shared/api.ts); a missing field reads better as 必填.
  const msg = issue.code === 'invalid_type' && /undefined/.test(issue.message) ? '必填' : issue.message;
  return { field, message: `${label}：${msg}` };
}

/** Errors of the multipart parser (busboy) for a cut-off or malformed upload; they carry no status code. */
const MULTIPART_BROKEN = /^(Multipart: Boundary not found|Unexpected end of (form|multipart data)|Malformed part header|Malformed urlencoded form)/;

/** `spa`: GET requests outside /api/ get the single-page app's shell (client-side routes). */
export function registerErrorHandler(app: FastifyInstance, spa = false): void {
  app.setErrorHandler((error: FastifyError & { details?: unknown }, request, reply) => {
    if (error instanceof DomainError) {
      const status = STATUS_BY_CODE[error.code] ?? 400;
      return reply.status(status).send({ error: { id: error.code.toLowerCase(), code: error.code, message: error.message, details: error.details ?? null } });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const problems = error.validation.map((v) => zodMessage({ path: (v.params as { issue?: { path?: PropertyKey[] } })?.issue?.path ?? v.instancePath.split('/').filter(Boolean), message: v.message ?? '', code: (v.params as { issue?: { code?: string } })?.issue?.code }, error.validationContext ?? 'body'));
      return reply.status(400).send({ error: { id: 'validation', code: 'VALIDATION', message: `提交的内容有误：${problems.map((p) => p.message).join('；')}`, details: { problems } } });
    }
    if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (error.statusCode === 400 && /JSON/i.test(error.message))) {
      return reply.status(400).send({ error: { id: 'bad_json', code: 'VALIDATION', message: '请求内容不是有效的 JSON，请检查格式', details: null } });
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || error.statusCode === 415) {
      return reply.status(415).send({ error: { id: 'media_type', code: 'VALIDATION', message: '不支持的内容类型：请以 application/json 提交', details: null } });
    }
    if (MULTIPART_BROKEN.test(error.message ?? '')) {
      return reply.status(400).send({ error: { id: 'bad_upload', code: 'VALIDATION', message: '上传的内容不完整或格式不正确（multipart/form-data），请重新选择文件上传', details: null } });
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.statusCode === 413) {
      return reply.status(413).send({ error: { id: 'payload_too_large', code: 'PAYLOAD_TOO_LARGE', message: '提交的内容过大', details: null } });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send({ error: { id: 'bad_request', code: 'VALIDATION', message: `请求无效：${error.message}`, details: null } });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ error: { id: 'internal', code: 'INTERNAL', message: '服务器内部错误，请稍后重试；如持续出现请联系管理员', details: null } });
  });
  app.setNotFoundHandler((request, reply) => {
    if (spa && request.method === 'GET' && !request.url.startsWith('/api/')) return reply.type('text/html').sendFile('index.html');
    return reply.status(404).send({ error: { id: 'not_found', code: 'NOT_FOUND', message: `没有这个地址：${request.method} ${request.url.split('?')[0]}`, details: null } });
  });
}
