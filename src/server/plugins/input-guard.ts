import type { FastifyInstance } from 'fastify';
import { DomainError } from '../../core/errors.js';
import { findForbiddenText } from '../../core/validators/index.js';
import { FIELD_LABELS } from './error-handler.js';

/**
 * Refuses control characters (NUL, ESC …) and broken surrogates in every JSON body, query string and path
 * parameter before a route sees them (core/validators/text.ts says why), naming the field: they would otherwise
 * fail in PostgreSQL (a 500) or produce a 答复书 that Word cannot open.
 */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', (req, _reply, done) => {
    const found = findForbiddenText(req.params, '') ?? findForbiddenText(req.query, '') ?? (req.body && typeof req.body === 'object' ? findForbiddenText(req.body, '') : null);
    if (!found) return done();
    const label = FIELD_LABELS[found.path] ?? (found.path ? `字段“${found.path}”` : '提交的内容');
    const message = `${label}含有不允许的控制字符（${found.char}），请删除后重新提交`;
    done(new DomainError('VALIDATION', message, { problems: [{ field: found.path, message }] }));
  });
}
