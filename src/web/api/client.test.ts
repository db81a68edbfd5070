import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, apiErrorFromBody, readCookie, setFetch, toQueryString } from './client.js';

describe('apiErrorFromBody', () => {
  it.each([
    {
      name: 'validation error with field problems',
      status: 400,
      body: { error: { id: 'validation', code: 'VALIDATION', message: '提交的内容有误：证件号码：身份证号码校验位错误', details: { problems: [{ field: 'applicant.idNumber', message: '证件号码：身份证号码校验位错误' }] } } },
      expected: { status: 400, id: 'validation', code: 'VALIDATION', message: '提交的内容有误：证件号码：身份证号码校验位错误', problems: [{ field: 'applicant.idNumber', message: '证件号码：身份证号码校验位错误' }] },
    },
    {
      name: 'domain error naming one field',
      status: 409,
      body: { error: { id: 'supplement_too_late', code: 'SUPPLEMENT_TOO_LATE', message: '补正告知须自收到申请之日起7个工作日内一次性发出', details: { field: 'on', lastAllowedOn: '2024-03-12' } } },
      expected: { status: 409, id: 'supplement_too_late', code: 'SUPPLEMENT_TOO_LATE', message: '补正告知须自收到申请之日起7个工作日内一次性发出', problems: [{ field: 'on', message: '补正告知须自收到申请之日起7个工作日内一次性发出' }] },
    },
    {
      name: 'not found without details',
      status: 404,
      body: { error: { id: 'not_found', code: 'NOT_FOUND', message: '未找到该申请：请核对查询码和查询密码', details: null } },
      expected: { status: 404, id: 'not_found', code: 'NOT_FOUND', message: '未找到该申请：请核对查询码和查询密码', problems: [] },
    },
    {
      name: 'HTML error page from a proxy',
      status: 502,
      body: undefined,
      expected: { status: 502, id: 'http_502', code: 'HTTP_502', message: '服务器暂时无法访问（网关错误），请稍后重试', problems: [] },
    },
    {
      name: 'error body with an empty message falls back to the status message',
      status: 403,
      body: { error: { code: 'FORBIDDEN', message: '' } },
      expected: { status: 403, id: 'forbidden', code: 'FORBIDDEN', message: '当前账号没有执行此操作的权限', problems: [] },
    },
  ])('$name', ({ status, body, expected }) => {
    const err = apiErrorFromBody(status, body);
    expect(err).toBeInstanceOf(ApiError);
    expect({ status: err.status, id: err.id, code: err.code, message: err.message, problems: err.problems }).toEqual(expected);
  });
});

describe('toQueryString', () => {
  it('drops empty values and joins arrays with commas', () => {
    expect(toQueryString({ state: ['in_progress', 'consulting'], q: '', year: 2024, overdue: undefined, page: 2 })).toBe('?state=in_progress%2Cconsulting&year=2024&page=2');
    expect(toQueryString({ q: undefined })).toBe('');
  });
});

describe('readCookie', () => {
  it('finds the CSRF cookie among others', () => {
    expect(readCookie('gk_csrf', 'a=1; gk_csrf=abc%3D%3D; b=2')).toBe('abc==');
    expect(readCookie('gk_csrf', 'a=1')).toBeNull();
  });
});

describe('api()', () => {
  afterEach(() => {
    setFetch((...args) => globalThis.fetch(...args));
    document.cookie = 'gk_csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
  });

  it('sends the CSRF cookie back as x-csrf-token on POST, not on GET', async () => {
    document.cookie = 'gk_csrf=token-123';
    const calls: { url: string; init: RequestInit }[] = [];
    setFetch(async (url, init) => {
      calls.push({ url: String(url), init: init ?? {} });
      return new Response(JSON.stringify({ ok: true }), { status: 200, headers: { 'content-type': 'application/json' } });
    });
    await api('/api/requests/1/events', { method: 'POST', body: { type: 'closed' } });
    await api('/api/requests', { query: { page: 1 } });
    expect((calls[0].init.headers as Record<string, string>)['x-csrf-token']).toBe('token-123');
    expect(calls[0].init.body).toBe('{"type":"closed"}');
    expect(calls[1].url).toBe('/api/requests?page=1');
    expect((calls[1].init.headers as Record<string, string>)['x-csrf-token']).toBeUndefined();
  });

  it('rejects with a typed ApiError carrying the field problems', async () => {
    setFetch(async () => new Response(JSON.stringify({ error: { id: 'validation', code: 'VALIDATION', message: '提交的内容有误', details: { problems: [{ field: 'description', message: '申请内容：必填' }] } } }), { status: 400 }));
    const err = await api('/api/public/requests', { method: 'POST', body: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).problems).toEqual([{ field: 'description', message: '申请内容：必填' }]);
  });

  it('turns a network failure into status 0 with a Chinese message', async () => {
    setFetch(vi.fn(async () => { throw new TypeError('Failed to fetch'); }));
    const err = (await api('/api/auth/me').catch((e: unknown) => e)) as ApiError;
    expect(err.status).toBe(0);
    expect(err.message).toBe('无法连接服务器，请检查网络后重试');
  });

  it('resolves null for an empty 200 body', async () => {
    setFetch(async () => new Response('', { status: 200 }));
    await expect(api('/api/x')).resolves.toBeNull();
  });
});
