/**
 * The one HTTP client of the web pages (STYLE.md §7, documenso `AppError.parseError`): every call goes through
 * `api()`, which sends the CSRF token on state-changing calls and turns any failure (error body, non-JSON reply,
 * network down) into a typed `ApiError` with a Chinese message the page can show as it is.
 */

/** A field the server rejected, e.g. `{ field: 'applicant.idNumber', message: '证件号码：…' }`. */
export interface FieldProblem {
  field: string;
  message: string;
}

export class ApiError extends Error {
  /** HTTP status; 0 when the server could not be reached. */
  readonly status: number;
  /** Stable id of the error kind (`validation`, `not_found`, `invalid_transition`…), to switch on. */
  readonly id: string;
  /** Domain error code (`VALIDATION`, `INVALID_TRANSITION`, `NOT_FOUND`…). */
  readonly code: string;
  readonly details: unknown;
  /** Per-field problems (`details.problems`), empty when the server gave none. */
  readonly problems: FieldProblem[];

  constructor(init: { status: number; id: string; code: string; message: string; details?: unknown; problems?: FieldProblem[] }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.id = init.id;
    this.code = init.code;
    this.details = init.details ?? null;
    this.problems = init.problems ?? [];
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }

  get isUnauthorized(): boolean {
    return this.status === 401;
  }
}

const STATUS_MESSAGES: Record<number, string> = {
  400: '提交的内容有误，请检查后重试',
  401: '登录已过期，请重新登录',
  403: '当前账号没有执行此操作的权限',
  404: '没有找到相关内容',
  409: '当前状态下不能执行此操作，请刷新后重试',
  413: '提交的内容过大',
  429: '请求过于频繁，请稍后再试',
  500: '服务器内部错误，请稍后重试',
  502: '服务器暂时无法访问（网关错误），请稍后重试',
  503: '服务暂不可用，请稍后重试',
  504: '服务器响应超时，请稍后重试',
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function parseProblems(details: unknown, message: string): FieldProblem[] {
  if (!isRecord(details)) return [];
  // Domain errors name one field (`details.field`, e.g. 'receivedOn'); validation errors list `details.problems`.
  if (!Array.isArray(details.problems)) return typeof details.field === 'string' && details.field ? [{ field: details.field, message }] : [];
  const out: FieldProblem[] = [];
  for (const p of details.problems) {
    if (typeof p === 'string') out.push({ field: '', message: p });
    else if (isRecord(p) && typeof p.message === 'string') out.push({ field: typeof p.field === 'string' ? p.field : '', message: p.message });
  }
  return out;
}

/**
 * Builds an ApiError from an HTTP status and the parsed body (or `undefined` when the body was not JSON).
 * The server's shape is `{ error: { id, code, message, details: { problems?: [{ field, message }] } } }`.
 */
export function apiErrorFromBody(status: number, body: unknown): ApiError {
  const fallback = STATUS_MESSAGES[status] ?? `请求失败（HTTP ${status}），请稍后重试`;
  if (isRecord(body) && isRecord(body.error)) {
    const e = body.error;
    const message = typeof e.message === 'string' && e.message.trim() ? e.message : fallback;
    const code = typeof e.code === 'string' ? e.code : `HTTP_${status}`;
    const id = typeof e.id === 'string' ? e.id : code.toLowerCase();
    return new ApiError({ status, id, code, message, details: e.details ?? null, problems: parseProblems(e.details, message) });
  }
  return new ApiError({ status, id: `http_${status}`, code: `HTTP_${status}`, message: fallback });
}

/** The message to show for anything thrown by a query or mutation. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error && err.message) return err.message;
  return '操作失败，请稍后重试';
}

/** Value of a readable cookie (`gk_csrf`), or null. */
export function readCookie(name: string, cookieString: string = typeof document === 'undefined' ? '' : document.cookie): string | null {
  for (const part of cookieString.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

export const CSRF_COOKIE = 'gk_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];

/** `?a=1&b=x,y` from an object; empty, null and undefined values are left out, arrays joined by commas. */
export function toQueryString(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) {
      if (v.length) params.set(k, v.join(','));
    } else params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  /** JSON body (objects) or FormData (uploads). */
  body?: unknown;
  signal?: AbortSignal;
}

/** fetch, replaceable in tests. */
let fetchImpl: typeof fetch = (...args) => globalThis.fetch(...args);
export function setFetch(f: typeof fetch): void {
  fetchImpl = f;
}

/** Calls the API; resolves with the parsed JSON body (null for an empty body), rejects with an ApiError. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) body = options.body;
  else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET') {
    const csrf = readCookie(CSRF_COOKIE);
    if (csrf) headers[CSRF_HEADER] = csrf;
  }
  let res: Response;
  try {
    res = await fetchImpl(`${path}${toQueryString(options.query)}`, { method, headers, body, credentials: 'same-origin', signal: options.signal });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError({ status: 0, id: 'network', code: 'NETWORK', message: '无法连接服务器，请检查网络后重试' });
  }
  const text = await res.text();
  let parsed: unknown = undefined;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
  }
  if (!res.ok) throw apiErrorFromBody(res.status, parsed);
  if (text && parsed === undefined) {
    throw new ApiError({ status: res.status, id: 'bad_response', code: 'BAD_RESPONSE', message: '服务器返回了无法识别的内容，请刷新页面后重试' });
  }
  return (parsed ?? null) as T;
}

export const apiGet = <T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal) => api<T>(path, { query, signal });
export const apiPost = <T>(path: string, body?: unknown) => api<T>(path, { method: 'POST', body: body ?? {} });
export const apiPut = <T>(path: string, body: unknown) => api<T>(path, { method: 'PUT', body });
export const apiPatch = <T>(path: string, body: unknown) => api<T>(path, { method: 'PATCH', body });
