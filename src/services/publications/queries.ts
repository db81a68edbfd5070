import { and, asc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { catalogueCategories, departments, publicationEvents, publications } from '../../db/schema/index.js';
import { DomainError } from '../../core/errors.js';
import { buildTsQuery } from '../../core/publications/search-text.js';
import { assessTimeliness } from '../../core/publications/timeliness.js';
import {
  allowedPublicationEvents, INDEPENDENT_EVENTS, NORMATIVE_KIND_LABELS, PUBLICATION_EVENT_LABELS, PUBLICATION_EVENT_ROLES, PUBLICATION_STATE_LABELS, VALIDITY_LABELS,
  type NormativeKind, type PublicationEventType, type PublicationState, type Validity,
} from '../../core/publications/workflow.js';
import { checkInterpretationSync } from '../../core/publications/sync-rule.js';
import { requireRole } from '../authorize.js';
import { loadCalendar } from '../calendar.js';
import type { ServiceContext } from '../context.js';
import { listAttachmentMeta } from './attachments.js';
import { loadAuthorIds } from './record-publication-event.js';
import { segmentQuery } from './segmenter.js';
import { getPublicationSettings } from './settings.js';

const STAFF = ['publisher', 'secrecy_reviewer', 'reviewer', 'auditor'] as const;

export interface ListPublicationsFilter {
  state?: string[];
  q?: string;
  categoryId?: number;
  normativeKind?: string;
  page?: number;
  pageSize?: number;
}

/** Use case: the workbench list (all states), newest change first; `q` searches title and body (segmented), 索引号, 文号. */
export async function listPublications(ctx: ServiceContext, f: ListPublicationsFilter) {
  requireRole(ctx.actor, ...STAFF);
  const where: SQL[] = [];
  if (f.state?.length) where.push(inArray(publications.state, f.state));
  if (f.categoryId) where.push(eq(publications.categoryId, f.categoryId));
  if (f.normativeKind) where.push(eq(publications.normativeKind, f.normativeKind));
  if (f.q?.trim()) {
    // 索引号 / 文号 exactly; words through the published items' index, and over the (few) items still in the workflow.
    const text = f.q.trim();
    const tsq = buildTsQuery(segmentQuery(text), 'and');
    const like = `%${text.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
    where.push(or(
      eq(publications.indexNo, text), eq(publications.docNumber, text),
      ...(tsq ? [and(eq(publications.state, 'published'), sql`${publications.searchVector} @@ to_tsquery('simple', ${tsq})`)] : []),
      and(inArray(publications.state, ['draft', 'pending_review', 'pending_approval', 'approved', 'withdrawn']), or(ilike(publications.title, like), ...(tsq ? [sql`${publications.searchVector} @@ to_tsquery('simple', ${tsq})`] : []))),
    )!);
  }
  const cond = where.length ? and(...where) : undefined;
  const pageSize = Math.min(Math.max(f.pageSize ?? 20, 1), 200);
  const page = Math.max(f.page ?? 1, 1);
  const [rows, total, calendar, settings] = await Promise.all([
    ctx.db.select({
      id: publications.id, indexNo: publications.indexNo, title: publications.title, docNumber: publications.docNumber, state: publications.state,
      issuer: publications.issuer, formedOn: publications.formedOn, publishedOn: publications.publishedOn, normativeKind: publications.normativeKind,
      validity: publications.validity, category: catalogueCategories.name, interpretsId: publications.interpretsId, updatedAt: publications.updatedAt,
    }).from(publications).leftJoin(catalogueCategories, eq(catalogueCategories.id, publications.categoryId)).where(cond)
      .orderBy(sql`${publications.updatedAt} DESC NULLS LAST`, sql`${publications.id} DESC NULLS LAST`).limit(pageSize).offset((page - 1) * pageSize),
    // Exact up to 10,000 (a million published items would take a second to count); beyond, the list says "10,000+".
    ctx.db.execute(sql`SELECT count(*)::int AS n FROM (SELECT FROM ${publications} ${cond ? sql`WHERE ${cond}` : sql``} LIMIT 10001) t`).then((r) => (r as unknown as { rows: { n: number }[] }).rows[0].n),
    loadCalendar(ctx.db),
    getPublicationSettings(ctx.db),
  ]);
  return {
    total, totalIsCapped: total > 10_000, page, pageSize,
    items: rows.map((r) => {
      const t = r.state === 'withdrawn' ? null : assessTimeliness({ formedOn: r.formedOn, publishedOn: r.publishedOn }, ctx.today, calendar, settings.riskWorkingDays);
      return {
        ...r,
        stateLabel: PUBLICATION_STATE_LABELS[r.state as PublicationState],
        normativeKindLabel: r.normativeKind ? NORMATIVE_KIND_LABELS[r.normativeKind as NormativeKind] : null,
        validityLabel: VALIDITY_LABELS[r.validity as Validity],
        timeliness: t && { dueOn: t.dueOn, status: t.status, workingDaysLeft: t.workingDaysLeft },
      };
    }),
  };
}

/** Use case: one item in the workbench, with its log, attachments, 三同步 status, Art.26 timeliness and the actions open to the viewer. */
export async function getPublicationDetail(ctx: ServiceContext, id: number) {
  const actor = requireRole(ctx.actor, ...STAFF);
  const [row] = await ctx.db.select().from(publications).where(eq(publications.id, id));
  if (!row) throw new DomainError('NOT_FOUND', `主动公开信息 ${id} 不存在`);
  const [events, files, interpretations, interprets, category, department, authorIds, calendar, settings] = await Promise.all([
    ctx.db.select().from(publicationEvents).where(eq(publicationEvents.publicationId, id)).orderBy(asc(publicationEvents.seq)),
    listAttachmentMeta(ctx.db, id),
    ctx.db.select({ id: publications.id, title: publications.title, state: publications.state, indexNo: publications.indexNo }).from(publications).where(eq(publications.interpretsId, id)).orderBy(asc(publications.id)),
    row.interpretsId === null ? Promise.resolve([]) : ctx.db.select({ id: publications.id, title: publications.title, state: publications.state, indexNo: publications.indexNo }).from(publications).where(eq(publications.id, row.interpretsId)),
    row.categoryId === null ? Promise.resolve([]) : ctx.db.select().from(catalogueCategories).where(eq(catalogueCategories.id, row.categoryId)),
    row.departmentId === null ? Promise.resolve([]) : ctx.db.select({ id: departments.id, name: departments.name }).from(departments).where(eq(departments.id, row.departmentId)),
    loadAuthorIds(ctx.db, row),
    loadCalendar(ctx.db),
    getPublicationSettings(ctx.db),
  ]);
  const state = row.state as PublicationState;
  const isAuthor = authorIds.includes(actor.id);
  const actions = allowedPublicationEvents(state).filter((e) => e !== 'edited' && PUBLICATION_EVENT_ROLES[e].some((r) => actor.roles.includes(r as never)) && !(INDEPENDENT_EVENTS.has(e) && isAuthor));
  const sync = checkInterpretationSync({ normativeKind: row.normativeKind as NormativeKind | null, waiverReason: row.syncWaiverReason, interpretationStates: interpretations.map((i) => i.state as PublicationState) });
  const { searchTitle: _st, searchText: _sx, searchVector: _sv, ...fields } = row;
  return {
    ...fields,
    stateLabel: PUBLICATION_STATE_LABELS[state],
    validityLabel: VALIDITY_LABELS[row.validity as Validity],
    normativeKindLabel: row.normativeKind ? NORMATIVE_KIND_LABELS[row.normativeKind as NormativeKind] : null,
    category: category[0] ? { id: category[0].id, code: category[0].code, name: category[0].name } : null,
    department: department[0] ?? null,
    attachments: files,
    interpretations: interpretations.map((i) => ({ ...i, stateLabel: PUBLICATION_STATE_LABELS[i.state as PublicationState] })),
    interprets: interprets[0] ? { ...interprets[0], stateLabel: PUBLICATION_STATE_LABELS[interprets[0].state as PublicationState] } : null,
    sync: sync.ok ? { ok: true, waived: sync.waived, message: null } : { ok: false, waived: false, message: sync.message },
    timeliness: row.state === 'withdrawn' ? null : assessTimeliness({ formedOn: row.formedOn, publishedOn: row.publishedOn }, ctx.today, calendar, settings.riskWorkingDays),
    isAuthor,
    actions: actions.map((type) => ({ type, label: PUBLICATION_EVENT_LABELS[type] })),
    events: events.map((e) => ({ seq: e.seq, type: e.type, label: PUBLICATION_EVENT_LABELS[e.type as PublicationEventType] ?? e.type, on: e.on, payload: e.payload, actorName: e.actorName, at: e.at })),
  };
}
