/**
 * API contract schemas shared by the server (validation, OpenAPI) and the web client (types, form rules).
 * No Node or React imports here. Names: `XxxBody` / `XxxQuery` schemas with same-named types.
 */
import { z } from 'zod';
import { DbId, DbIdParam } from './ids.js';
import { IsoDateSchema } from './dates.js';
import { ROLES } from './roles.js';

// Validation messages in Chinese for every schema (server and web).
z.config(z.locales.zhCN());

export const ApplicantTypeSchema = z.enum(['natural', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg']);
export const ChannelSchema = z.enum(['in_person', 'letter', 'fax', 'online', 'email', 'other']);
export { IsoDateSchema };

export const ApplicantBody = z.object({
  type: ApplicantTypeSchema,
  name: z.string().trim().min(1, '请填写姓名或名称').max(200),
  idType: z.string().max(40).optional().nullable(),
  idNumber: z.string().max(40).optional().nullable(),
  phone: z.string().max(40).optional().nullable(),
  email: z.string().max(200).optional().nullable(),
  address: z.string().max(500).optional().nullable(),
  /** 联系人, for 法人或其他组织. */
  contactName: z.string().max(50).optional().nullable(),
});
export type ApplicantBody = z.infer<typeof ApplicantBody>;

/** POST /api/public/requests (DESIGN.md / issue 2 contract). */
export const PublicRequestBody = z.object({
  applicant: ApplicantBody,
  description: z.string().trim().min(1, '请填写申请内容').max(5000),
  deliveryMethod: z.enum(['email', 'post', 'pickup', 'online']),
  format: z.enum(['paper', 'electronic']),
});
export type PublicRequestBody = z.infer<typeof PublicRequestBody>;

export const PublicRequestCreated = z.object({ trackingCode: z.string(), accessKey: z.string(), ref: z.string(), message: z.string() });

export const RegisterRequestBody = z.object({
  applicant: ApplicantBody,
  description: z.string().trim().min(1).max(5000),
  channel: ChannelSchema,
  receivedOn: IsoDateSchema,
  evidence: z.string().max(500).optional().nullable(),
  deliveryMethod: z.enum(['email', 'post', 'pickup', 'online']).optional().nullable(),
  format: z.enum(['paper', 'electronic']).optional().nullable(),
});
export type RegisterRequestBody = z.infer<typeof RegisterRequestBody>;

export const ListRequestsQuery = z.object({
  state: z.string().optional(), // comma separated
  departmentId: DbIdParam.optional(),
  dueWithinDays: z.coerce.number().int().min(0).max(60).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  applicantType: ApplicantTypeSchema.optional(),
  channel: ChannelSchema.optional(),
  q: z.string().max(100).optional(),
  page: z.coerce.number().int().min(1).optional(),
  pageSize: z.coerce.number().int().min(1).max(200).optional(),
  sort: z.enum(['due', 'received', 'created']).optional(),
});
export type ListRequestsQuery = z.infer<typeof ListRequestsQuery>;

/** The request list's filters after parsing the query (used by the list service and the web's filter bar). */
export interface ListRequestsFilter {
  state?: string[];
  departmentId?: number;
  dueWithinDays?: number;
  overdue?: boolean;
  year?: number;
  applicantType?: string;
  channel?: string;
  q?: string;
  page?: number;
  pageSize?: number;
  sort?: 'due' | 'received' | 'created';
}

/** A staff action on a request: the event type plus its fields (validated by core/requests). */
export const RequestEventBody = z.object({ type: z.string().min(1), on: IsoDateSchema.optional() }).catchall(z.unknown());
export type RequestEventBody = z.infer<typeof RequestEventBody>;

export const LoginBody = z.object({ username: z.string().trim().min(1, '请输入用户名'), password: z.string().min(1, '请输入密码') });
export const ChangePasswordBody = z.object({ oldPassword: z.string().min(1), newPassword: z.string().min(1) });

export const RoleSchema = z.enum(ROLES);
export const UserBody = z.object({
  username: z.string().trim().min(3).max(32),
  displayName: z.string().trim().min(1).max(50),
  roles: z.array(RoleSchema).min(1, '至少选择一个角色'),
  departmentId: DbId.nullable().optional(),
  password: z.string().optional(),
});
/** A user's name is their login and is kept; everything else may change. */
export const UserPatchBody = UserBody.omit({ username: true }).partial().extend({ active: z.boolean().optional() });
export const DepartmentBody = z.object({ name: z.string().trim().min(1).max(100), code: z.string().max(20).nullable().optional() });
export const DepartmentPatchBody = DepartmentBody.partial().extend({ active: z.boolean().optional() });

export const CalendarYearBody = z.object({
  year: z.number().int().min(2000).max(2100),
  notice: z.string().trim().min(1),
  title: z.string().default(''),
  issuedOn: IsoDateSchema.nullable().optional(),
  source: z.string().trim().min(1),
  holidays: z.array(IsoDateSchema),
  workdays: z.array(IsoDateSchema),
});

export const ErrorBody = z.object({ error: z.object({ id: z.string(), code: z.string(), message: z.string(), details: z.unknown() }) });
