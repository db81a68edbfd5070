import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { allowedPublicationEvents, isPublicState, nextPublicationState, PUBLICATION_STATES, type PublicationEventType, type PublicationState } from './workflow.js';

const AUTHOR = 1;
const REVIEWER = 2;
const base = { authorIds: [AUTHOR] };

describe('nextPublicationState (条例 Art.17 先审查后公开)', () => {
  const happy: [PublicationState, PublicationEventType, number, string[], PublicationState][] = [
    ['draft', 'edited', AUTHOR, ['publisher'], 'draft'],
    ['draft', 'submitted', AUTHOR, ['publisher'], 'pending_review'],
    ['pending_review', 'review_passed', REVIEWER, ['secrecy_reviewer'], 'pending_approval'],
    ['pending_approval', 'approved', 3, ['reviewer'], 'approved'],
    ['approved', 'published', AUTHOR, ['publisher'], 'published'],
    ['published', 'validity_changed', AUTHOR, ['publisher'], 'published'],
  ];
  for (const [state, event, actorId, roles, to] of happy) {
    it(`${state} --${event}--> ${to}`, () => {
      expect(nextPublicationState({ ...base, state, event, actorId, actorRoles: roles })).toBe(to);
    });
  }

  const withReason: [PublicationState, PublicationEventType, string[], PublicationState][] = [
    ['pending_review', 'review_rejected', ['secrecy_reviewer'], 'draft'],
    ['pending_approval', 'approval_returned', ['reviewer'], 'draft'],
    ['approved', 'approval_returned', ['reviewer'], 'draft'],
    ['published', 'withdrawn', ['publisher'], 'withdrawn'],
  ];
  for (const [state, event, roles, to] of withReason) {
    it(`${state} --${event}--> ${to} needs a reason`, () => {
      expect(() => nextPublicationState({ ...base, state, event, actorId: REVIEWER, actorRoles: roles })).toThrow(/理由/);
      expect(nextPublicationState({ ...base, state, event, actorId: REVIEWER, actorRoles: roles, reason: '涉及内部工作流程' })).toBe(to);
    });
  }

  it('withdrawn → reopened → draft', () => {
    expect(nextPublicationState({ ...base, state: 'withdrawn', event: 'reopened', actorId: AUTHOR, actorRoles: ['publisher'] })).toBe('draft');
  });

  it('the author cannot review their own draft, even with the role', () => {
    try {
      nextPublicationState({ ...base, state: 'pending_review', event: 'review_passed', actorId: AUTHOR, actorRoles: ['publisher', 'secrecy_reviewer'] });
      expect.unreachable();
    } catch (e) {
      expect((e as DomainError).code).toBe('FORBIDDEN');
      expect((e as DomainError).message).toContain('第十七条');
    }
    expect(() => nextPublicationState({ state: 'pending_approval', event: 'approved', actorId: 5, actorRoles: ['reviewer'], authorIds: [1, 5] })).toThrow(/不能对其进行审核/);
  });

  it('a publisher cannot pass a secrecy review', () => {
    expect(() => nextPublicationState({ ...base, state: 'pending_review', event: 'review_passed', actorId: 9, actorRoles: ['publisher'] })).toThrow(/保密审查员/);
  });

  const refused: [PublicationState, PublicationEventType][] = [
    ['draft', 'published'], ['draft', 'review_passed'], ['pending_review', 'published'], ['pending_review', 'edited'],
    ['pending_approval', 'published'], ['published', 'edited'], ['withdrawn', 'published'], ['published', 'submitted'],
  ];
  for (const [state, event] of refused) {
    it(`refuses ${event} in ${state}`, () => {
      try {
        nextPublicationState({ ...base, state, event, actorId: 7, actorRoles: ['publisher', 'secrecy_reviewer', 'reviewer'], reason: 'x' });
        expect.unreachable();
      } catch (e) {
        expect((e as DomainError).code).toBe('INVALID_TRANSITION');
      }
    });
  }

  it('only the published state is public', () => {
    expect(PUBLICATION_STATES.filter(isPublicState)).toEqual(['published']);
  });

  it('lists allowed events for the UI', () => {
    expect(allowedPublicationEvents('pending_review')).toEqual(['review_passed', 'review_rejected']);
    expect(allowedPublicationEvents('published')).toEqual(['withdrawn', 'validity_changed']);
  });
});
