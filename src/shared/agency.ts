import { z } from 'zod';

/** Agency profile used in notices, the guide (公开指南) and reports; edited by the administrator (shared by server and web). */
export interface AgencyProfile {
  name: string;
  shortName: string;
  docPrefix: string; // 文号 prefix, e.g. 国土资公开
  level: 'state_council_dept' | 'local_gov_dept' | 'local_gov' | 'vertical';
  parentBody: string | null;
  reconsiderationBody: string | null;
  litigationCourt: string | null;
  address: string;
  postcode: string;
  officeHours: string;
  phone: string;
  fax: string;
  email: string;
  website: string;
  officeName: string; // 政府信息公开工作机构
}


const text = (max: number) => z.string().trim().max(max);
const required = (label: string, max: number) => z.string().trim().min(1, `请填写${label}`).max(max);

/**
 * PUT /api/settings/agency: any subset of the profile, each field with its type. Notices, the guide and every
 * registration read these values; a number or an object stored here used to break them all (a 500 on each).
 */
export const AgencyProfileBody = z.object({
  name: required('机关名称', 100),
  shortName: text(50),
  docPrefix: required('文号前缀', 30),
  level: z.enum(['state_council_dept', 'local_gov_dept', 'local_gov', 'vertical']),
  parentBody: text(100).nullable(),
  reconsiderationBody: text(100).nullable(),
  litigationCourt: text(100).nullable(),
  address: text(200),
  postcode: z.string().trim().regex(/^(\d{6})?$/, '邮政编码应为6位数字'),
  officeHours: text(200),
  phone: text(50),
  fax: text(50),
  email: text(100),
  website: text(200),
  officeName: required('政府信息公开工作机构名称', 100),
}).partial();
