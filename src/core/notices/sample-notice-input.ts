import type { NoticeInput } from './types.js';

/**
 * A realistic notice input (a 2019-regime request to a municipal department), for tests, previews of templates
 * and the demo agency. Every call returns a fresh object; `overrides` are merged one level deep.
 */
export function sampleNoticeInput(overrides: Partial<NoticeInput> = {}): NoticeInput {
  const base: NoticeInput = {
    agency: {
      name: '某市自然资源和规划局',
      shortName: '市规划资源局',
      docPrefix: '某规资公开',
      address: '某市人民路1号',
      phone: '0571-87654321',
      level: 'local_gov_dept',
      parentBody: '某市人民政府',
      superiorDepartment: '某省自然资源厅',
    },
    applicant: { name: '张三', type: 'natural' },
    request: {
      trackingCode: 'GK-2026-0012',
      receivedOn: '2026-11-02',
      description: '2025年某区某地块土地征收批复文件',
      channel: 'online',
    },
    dates: { issuedOn: '2026-11-27', dueOn: '2026-11-30' },
    docNumber: '某规资公开〔2026〕12号',
  };
  return {
    ...base,
    ...overrides,
    agency: { ...base.agency, ...overrides.agency },
    applicant: { ...base.applicant, ...overrides.applicant },
    request: { ...base.request, ...overrides.request },
    dates: { ...base.dates, ...overrides.dates },
  };
}

/** The same request received under the 2008 条例 (before 2019-05-15) and answered in 2016. */
export function sampleLegacyNoticeInput(overrides: Partial<NoticeInput> = {}): NoticeInput {
  return sampleNoticeInput({
    ...overrides,
    request: { trackingCode: 'GK-2016-0031', receivedOn: '2016-03-01', description: '2015年某区土地供应计划', channel: 'letter', ...overrides.request },
    dates: { issuedOn: '2016-03-18', dueOn: '2016-03-22', ...overrides.dates },
    docNumber: overrides.docNumber ?? '某规资公开〔2016〕31号',
  });
}
