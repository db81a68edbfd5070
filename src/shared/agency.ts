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

