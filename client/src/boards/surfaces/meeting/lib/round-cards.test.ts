import type { MeetingState, Membership } from '@setboard/shared';
import { describe, expect, it } from 'vitest';
import { cardHolders, onTurnNow, roundCardRoot } from './round-cards';

function member(id: string, role: Membership['role'] = 'member', active = true): Membership {
  return {
    person: { id, name: id } as Membership['person'],
    role,
    status: active ? 'active' : 'removed',
    joinedAt: 0,
    requestedFacilitation: false,
  };
}

function meeting(overrides: Partial<MeetingState>): MeetingState {
  return {
    facilitatorTakesPart: false,
    round: null,
    roster: [],
    phase: 'lobby',
    ...overrides,
  } as MeetingState;
}

const members = [
  member('fran', 'facilitator'),
  member('a'),
  member('b'),
  member('gone', 'member', false),
];

describe('round cards', () => {
  it('are expectations at the first meeting and report-backs after', () => {
    expect(roundCardRoot(1)).toBe('expectations');
    expect(roundCardRoot(2)).toBe('reportBack');
  });

  it('belong to active members, and to the facilitator only when they take part', () => {
    const ids = (list: Membership[]) => list.map((entry) => entry.person.id);
    expect(ids(cardHolders(members, null))).toEqual(['a', 'b']);
    expect(ids(cardHolders(members, meeting({ facilitatorTakesPart: true })))).toEqual([
      'fran',
      'a',
      'b',
    ]);
  });

  it('follow the round’s order, and say whose turn it is', () => {
    const inRound = meeting({ phase: 'check_in', round: { order: ['b', 'a'], index: 1 } });
    expect(cardHolders(members, inRound).map((entry) => entry.person.id)).toEqual(['b', 'a']);
    expect(onTurnNow(inRound, 'reportBack')).toBe('a');
    expect(onTurnNow(inRound, 'expectations')).toBeNull();
  });
});
