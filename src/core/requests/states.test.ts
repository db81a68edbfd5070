import { describe, expect, it } from 'vitest';
import { EVENT_LABELS, EVENT_TYPES, isEventType } from './events.js';
import { describeState, FINISHED_STATES, OPEN_STATES, REQUEST_STATES, isRequestState } from './states.js';
import { INITIAL_TRANSITIONS, TRANSITIONS, TRANSITION_HINTS } from './transitions.js';

describe('states and transition table', () => {
  it.each([
    ['submitted', '待确认', 'gold'],
    ['registered', '已登记', 'blue'],
    ['awaiting_supplement', '待补正', 'orange'],
    ['in_progress', '办理中', 'processing'],
    ['consulting', '征求意见中', 'purple'],
    ['awaiting_fee', '待缴费', 'volcano'],
    ['reply_drafted', '答复待审核', 'cyan'],
    ['reply_approved', '待保密审查', 'geekblue'],
    ['reply_cleared', '待发出', 'lime'],
    ['replied', '已答复', 'green'],
    ['delivered', '已送达', 'success'],
    ['closed', '已办结', 'default'],
    ['withdrawn', '已撤回', 'default'],
  ] as const)('%s is %s', (state, label, color) => {
    expect(describeState(state)).toEqual({ label, color });
  });

  it('open and finished states partition the states', () => {
    expect([...OPEN_STATES, ...FINISHED_STATES].sort()).toEqual([...REQUEST_STATES].sort());
    expect(isRequestState('closed')).toBe(true);
    expect(isRequestState('archived')).toBe(false);
  });

  it('every target is a state and every key an event type', () => {
    for (const state of REQUEST_STATES) {
      for (const [type, target] of Object.entries(TRANSITIONS[state])) {
        expect(isEventType(type), `${state}.${type}`).toBe(true);
        expect(isRequestState(target), `${state}.${type}`).toBe(true);
      }
    }
    expect(Object.keys(INITIAL_TRANSITIONS)).toEqual(['submitted', 'registered']);
  });

  it('every state is reachable from a start and can reach closed; closed is terminal', () => {
    const reach = (from: string[]) => {
      const seen = new Set(from);
      const todo = [...from];
      while (todo.length) {
        const s = todo.pop() as (typeof REQUEST_STATES)[number];
        for (const t of Object.values(TRANSITIONS[s])) if (!seen.has(t)) { seen.add(t); todo.push(t); }
      }
      return seen;
    };
    expect([...reach(Object.values(INITIAL_TRANSITIONS))].sort()).toEqual([...REQUEST_STATES].sort());
    for (const s of REQUEST_STATES) expect(reach([s]).has('closed'), s).toBe(true);
    expect(TRANSITIONS.closed).toEqual({});
  });

  it('the only way to replied is from reply_cleared (approved and secrecy-reviewed)', () => {
    const into = REQUEST_STATES.filter((s) => TRANSITIONS[s].replied !== undefined);
    expect(into).toEqual(['reply_cleared']);
    const toCleared = REQUEST_STATES.filter((s) => s !== 'reply_cleared' && Object.values(TRANSITIONS[s]).includes('reply_cleared'));
    expect(toCleared).toEqual(['reply_approved']);
  });

  it('labels every event and every hint names a real state/event', () => {
    expect(EVENT_TYPES).toHaveLength(32);
    expect(EVENT_LABELS.reply_drafted).toBe('起草答复');
    for (const key of Object.keys(TRANSITION_HINTS)) {
      const [s, t] = key.split(':');
      expect(isRequestState(s), key).toBe(true);
      expect(t === '*' || isEventType(t), key).toBe(true);
    }
  });
});
