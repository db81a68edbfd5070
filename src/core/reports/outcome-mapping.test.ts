import { describe, expect, it } from 'vitest';
import { OUTCOMES, OUTCOMES_2008, OUTCOMES_2019 } from '../requests/outcomes.js';
import { GOV2014_ANSWER_ROWS, GOV2019_ROWS, GOV2021_ROWS } from './formats.js';
import { gov2014RowFor, isCrossVocabulary, requestRowFor, toOutcome2019 } from './outcome-mapping.js';

describe('2008 answers in the 2019 vocabulary (toOutcome2019)', () => {
  it.each([
    ['legacy_state_secret', 'withheld_state_secret'],
    ['legacy_commercial_secret', 'withheld_third_party'],
    ['legacy_privacy', 'withheld_third_party'],
    ['legacy_security_stability', 'withheld_security_stability'],
    ['legacy_other_law', 'withheld_prohibited_by_law'],
    ['legacy_not_government_info', 'other'],
    ['legacy_not_this_agency', 'unavailable_not_held'],
    ['legacy_not_exist', 'unavailable_not_held'],
    ['legacy_other_channel', 'withheld_query_matter'],
    ['already_public', 'already_public'],
    ['disclosed', 'disclosed'],
    ['partly_disclosed', 'partly_disclosed'],
  ] as const)('%s → %s', (from, to) => expect(toOutcome2019(from)).toBe(to));

  it('is the identity on every 2019 outcome', () => {
    for (const o of OUTCOMES_2019) expect(toOutcome2019(o)).toBe(o);
  });
});

describe('table rows (requestRowFor)', () => {
  it.each([
    ['already_public', 'gov-2021', 'disclosed'],
    ['disclosed', 'gov-2021', 'disclosed'],
    ['partly_disclosed', 'gov-2019', 'partlyDisclosed'],
    ['other_no_supplement', 'gov-2021', 'otherNoSupplement'],
    ['other_no_supplement', 'gov-2019', 'other'],
    ['other_unpaid_fee', 'gov-2019', 'other'],
    ['other', 'gov-2021', 'otherOther'],
    ['legacy_not_government_info', 'gov-2021', 'otherOther'],
    ['legacy_not_government_info', 'gov-2019', 'other'],
    ['legacy_privacy', 'gov-2019', 'withheldThirdParty'],
  ] as const)('%s in %s → %s', (o, f, row) => expect(requestRowFor(o, f)).toBe(row));

  it('puts every outcome into exactly one outcome row of each format', () => {
    const rows21 = new Set(GOV2021_ROWS.filter((r) => r.isOutcome).map((r) => r.key as string));
    const rows19 = new Set(GOV2019_ROWS.filter((r) => r.isOutcome).map((r) => r.key as string));
    for (const o of OUTCOMES) {
      expect(rows21.has(requestRowFor(o, 'gov-2021'))).toBe(true);
      expect(rows19.has(requestRowFor(o, 'gov-2019'))).toBe(true);
    }
    // and every gov-2021 outcome row is reachable
    expect(new Set(OUTCOMES.map((o) => requestRowFor(o, 'gov-2021')))).toEqual(rows21);
  });
});

describe('gov-2014 answer rows (gov2014RowFor)', () => {
  it.each([
    ['legacy_state_secret', 'withheldStateSecret'],
    ['legacy_commercial_secret', 'withheldCommercialSecret'],
    ['legacy_privacy', 'withheldPrivacy'],
    ['legacy_security_stability', 'withheldSecurityStability'],
    ['legacy_not_government_info', 'withheldNotGovernmentInfo'],
    ['legacy_other_law', 'withheldOtherLaw'],
    ['legacy_not_this_agency', 'notThisAgency'],
    ['legacy_not_exist', 'notExist'],
    ['legacy_other_channel', 'otherChannel'],
    ['already_public', 'alreadyPublic'],
    ['withheld_prohibited_by_law', 'withheldOtherLaw'],
    ['withheld_third_party', 'withheldCommercialSecret'],
    ['withheld_internal_affairs', 'withheldNotGovernmentInfo'],
    ['withheld_process_info', 'withheldNotGovernmentInfo'],
    ['withheld_enforcement_file', 'withheldOtherLaw'],
    ['withheld_query_matter', 'otherChannel'],
    ['unavailable_not_held', 'notThisAgency'],
    ['unavailable_needs_creation', 'notExist'],
    ['unavailable_unclear', 'otherChannel'],
    ['not_processed_petition', 'otherChannel'],
    ['other_no_supplement', 'otherChannel'],
    ['other', 'otherChannel'],
  ] as const)('%s → %s', (o, row) => expect(gov2014RowFor(o)).toBe(row));

  it('maps the nine 2008 answers one-to-one onto distinct rows', () => {
    expect(new Set(OUTCOMES_2008.map(gov2014RowFor)).size).toBe(9);
    for (const o of OUTCOMES) expect(GOV2014_ANSWER_ROWS).toContain(gov2014RowFor(o));
  });
});

describe('isCrossVocabulary', () => {
  it.each([
    ['disclosed', 'gov-2014', false],
    ['disclosed', 'gov-2021', false],
    ['legacy_privacy', 'gov-2021', true],
    ['legacy_privacy', 'gov-2014', false],
    ['withheld_third_party', 'gov-2014', true],
    ['withheld_third_party', 'gov-2019', false],
  ] as const)('%s in %s → %s', (o, f, expected) => expect(isCrossVocabulary(o, f)).toBe(expected));
});
