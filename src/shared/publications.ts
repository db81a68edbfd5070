/**
 * API contract of the proactive-disclosure module (主动公开): request and response schemas shared by the server
 * (validation, OpenAPI) and the web client. No Node or React imports here.
 */
import { z } from 'zod';
import { DbId, DbIdParam } from './ids.js';
import { IsoDateSchema } from './dates.js';


export const PublicationStateSchema = z.enum(['draft', 'pending_review', 'pending_approval', 'approved', 'published', 'withdrawn']);
export const PublicationChannelSchema = z.enum(['website', 'gazette', 'weibo', 'wechat', 'other']);
export const NormativeKindSchema = z.enum(['regulation', 'normative']);
export const ValiditySchema = z.enum(['effective', 'repealed', 'invalid']);
export const PublicationEventTypeSchema = z.enum(['submitted', 'review_passed', 'review_rejected', 'approved', 'approval_returned', 'published', 'withdrawn', 'reopened', 'validity_changed']);

/** POST /api/publications (draft) — PATCH takes the same fields, all optional. */
export const PublicationBody = z.object({
  title: z.string().trim().min(1, '请填写标题').max(300, '标题不能超过300字'),
  docNumber: z.string().max(100).nullable().optional(),
  issuer: z.string().max(200).nullable().optional(),
  writtenOn: IsoDateSchema.nullable().optional(),
  formedOn: IsoDateSchema.nullable().optional(),
  categoryId: DbId.nullable().optional(),
  topic: z.string().max(100).nullable().optional(),
  summary: z.string().max(2000).nullable().optional(),
  body: z.string().max(1_500_000, '正文过长，请以附件形式发布').nullable().optional(),
  normativeKind: NormativeKindSchema.nullable().optional(),
  channels: z.array(PublicationChannelSchema).min(1, '请至少选择一个发布渠道').optional(),
  interpretsId: DbId.nullable().optional(),
  departmentId: DbId.nullable().optional(),
  disclosureMode: z.string().max(50).nullable().optional(),
  indexNo: z.string().max(80).nullable().optional(),
});
export type PublicationBody = z.infer<typeof PublicationBody>;
export const PublicationPatchBody = PublicationBody.partial();

/** POST /api/publications/:id/events */
export const PublicationEventBody = z.object({
  type: PublicationEventTypeSchema,
  reason: z.string().max(2000).nullable().optional(),
  syncWaiverReason: z.string().max(2000).nullable().optional(),
  validity: ValiditySchema.optional(),
  validityChangedOn: IsoDateSchema.nullable().optional(),
});
export type PublicationEventBody = z.infer<typeof PublicationEventBody>;

export const ListPublicationsQuery = z.object({
  state: z.string().optional(), // comma separated
  q: z.string().max(100).optional(),
  categoryId: DbIdParam.optional(),
  normativeKind: NormativeKindSchema.optional(),
  page: z.coerce.number().int().min(1).optional(),
  pageSize: z.coerce.number().int().min(1).max(200).optional(),
});

/** GET /api/public/publications — the public search contract. */
export const PublicSearchQuery = z.object({
  q: z.string().max(200).optional(),
  page: z.coerce.number().int().min(1).max(1000).optional(),
  pageSize: z.coerce.number().int().min(1).max(50).optional(),
  year: z.coerce.number().int().min(1949).max(2999).optional(),
  category: z.string().max(40).optional(),
  issuer: z.string().max(200).optional(),
  topic: z.string().max(100).optional(),
});
export type PublicSearchQuery = z.infer<typeof PublicSearchQuery>;

export const PublicSearchItem = z.object({
  indexNo: z.string(),
  title: z.string(),
  titleHighlight: z.string(),
  publishedOn: z.string(),
  writtenOn: z.string().nullable(),
  docNumber: z.string().nullable(),
  issuer: z.string(),
  category: z.string().nullable(),
  topic: z.string().nullable(),
  validity: z.string(),
  snippet: z.string(),
});
export const PublicSearchResponse = z.object({
  total: z.number().int(),
  /** The total is PostgreSQL's estimate (very broad queries): show it as “约 N 条”. */
  totalIsEstimate: z.boolean(),
  page: z.number().int(),
  pageSize: z.number().int(),
  mode: z.enum(['and', 'or', 'latest']),
  terms: z.array(z.string()),
  items: z.array(PublicSearchItem),
});
export type PublicSearchResponse = z.infer<typeof PublicSearchResponse>;

const LinkedItem = z.object({ indexNo: z.string(), title: z.string(), publishedOn: z.string() });
export const PublicPublication = z.object({
  indexNo: z.string(),
  title: z.string(),
  docNumber: z.string().nullable(),
  issuer: z.string(),
  writtenOn: z.string().nullable(),
  publishedOn: z.string(),
  category: z.object({ code: z.string(), name: z.string() }).nullable(),
  categoryPath: z.array(z.object({ code: z.string(), name: z.string() })),
  topic: z.string().nullable(),
  disclosureMode: z.string(),
  summary: z.string().nullable(),
  validity: z.string(),
  validityLabel: z.string(),
  validityChangedOn: z.string().nullable(),
  normativeKind: z.string().nullable(),
  normativeKindLabel: z.string().nullable(),
  bodyHtml: z.string(),
  attachments: z.array(z.object({ id: z.number().int(), filename: z.string(), contentType: z.string(), size: z.number().int(), url: z.string() })),
  interpretations: z.array(LinkedItem),
  interprets: LinkedItem.nullable(),
});
export type PublicPublication = z.infer<typeof PublicPublication>;

export interface CatalogueNode { id: number; code: string; name: string; parentId: number | null; sortOrder: number; description: string | null; active: boolean; count?: number; children: CatalogueNode[] }

export const CategoryBody = z.object({
  code: z.string().trim().min(1).max(12),
  name: z.string().trim().min(1, '请填写目录名称').max(100),
  parentId: DbId.nullable().optional(),
  sortOrder: z.number().int().min(0).max(100000).optional(),
  description: z.string().max(1000).nullable().optional(),
  active: z.boolean().optional(),
});
export const CategoryPatchBody = CategoryBody.partial();

export const GuideBody = z.object({ sections: z.array(z.object({ title: z.string().max(100), body: z.string().max(100_000) })).max(50) });

export const PublicationSettingsBody = z.object({
  agencyCode: z.string().trim().max(20).optional(),
  defaultIssuer: z.string().max(200).optional(),
  riskWorkingDays: z.number().int().optional(),
  maxAttachmentMb: z.number().int().optional(),
});

export const SuggestionsQuery = z.object({
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  minApplicants: z.coerce.number().int().min(2).max(50).optional(),
  threshold: z.coerce.number().min(0.1).max(1).optional(),
});
export const SuggestionDraftBody = z.object({ requestIds: z.array(DbId).min(2).max(500), title: z.string().max(300).optional(), categoryId: DbId.nullable().optional() });
export const SuggestionDismissBody = z.object({ requestIds: z.array(DbId).min(2).max(500), reason: z.string().trim().min(1, '请填写不予采纳的理由').max(2000) });

export const TimelinessQuery = z.object({ from: IsoDateSchema.optional(), to: IsoDateSchema.optional() });

export const PUBLICATION_STATE_LABELS_ZH: Record<z.infer<typeof PublicationStateSchema>, string> = {
  draft: '草稿', pending_review: '待保密审查', pending_approval: '待审核', approved: '待发布', published: '已发布', withdrawn: '已撤回',
};
export const PUBLICATION_CHANNEL_LABELS_ZH: Record<z.infer<typeof PublicationChannelSchema>, string> = { website: '网站', gazette: '公报', weibo: '微博', wechat: '微信', other: '其他' };
