import {
  type MeetingState,
  type SetView,
  type WriteRefusedNotice,
  createMeetingState,
} from '@setboard/shared';
import { describe, expect, it } from 'vitest';
import { buildBoardContext, fieldAccess, liveMeetingAmong } from './board-context';
import { addGivenBack, sectionLabel } from './given-back';

const START = Date.UTC(2027, 8, 21, 8, 30);

function meeting(overrides: Partial<MeetingState> = {}): MeetingState {
  const state = createMeetingState({
    meetingId: 'set1-m0',
    meetingNumber: 1,
    startsAt: START,
    roster: [
      { personId: 'fran', role: 'facilitator' },
      { personId: 'pat', role: 'member' },
      { personId: 'mo', role: 'member' },
    ],
    settings: { quorum: 2 },
  });
  return { ...state, ...overrides };
}

/** Pat's slot, running at `stage`. */
function inSlot(stage: MeetingState['slots'][number]['stage']): MeetingState {
  return meeting({
    phase: 'slot',
    startedAt: START,
    currentSlotId: 'set1-m0-s1',
    slots: [
      {
        id: 'set1-m0-s1',
        presenterId: 'pat',
        synopsis: 'Rotas',
        minutes: 40,
        status: 'running',
        stage,
        offersOptIn: false,
        carriedFrom: null,
      },
    ],
  });
}

function set(overrides: Partial<SetView> = {}): SetView {
  const person = (id: string) => ({
    id,
    name: id,
    organisation: 'Trust',
    jobTitle: 'Head of HR',
    band: 'band_8b',
    bio: '',
  });
  return {
    members: [
      { person: person('fran'), role: 'facilitator', status: 'active' },
      { person: person('pat'), role: 'member', status: 'active' },
      { person: person('gone'), role: 'member', status: 'removed' },
    ].map((member) => ({ ...member, joinedAt: 0, requestedFacilitation: false })),
    settings: { notesPolicy: 'open' },
    ...overrides,
  } as SetView;
}

describe('the write context a board page builds', () => {
  it('matches what the server gathers: kind and id, role in the set, meeting, notes policy', () => {
    const state = inSlot('presenting');
    expect(
      buildBoardContext({
        docName: 'slot:set1-m0-s1',
        personId: 'pat',
        set: set(),
        meeting: state,
      }),
    ).toEqual({
      kind: 'slot',
      docId: 'set1-m0-s1',
      personId: 'pat',
      setRole: 'member',
      meeting: state,
      notesPolicy: 'open',
    });
  });

  it('gives removed members and strangers no role, and waits for a signed-in person', () => {
    const input = { docName: 'set:set1', set: set(), meeting: null } as const;
    expect(buildBoardContext({ ...input, personId: 'gone' })?.setRole).toBeNull();
    expect(buildBoardContext({ ...input, personId: 'stranger' })?.setRole).toBeNull();
    expect(buildBoardContext({ ...input, personId: null })).toBeNull();
    expect(buildBoardContext({ ...input, personId: 'pat', set: null })?.notesPolicy).toBe(
      'presenter_only',
    );
  });

  it('takes the running meeting of a set, if any', () => {
    const scheduled = meeting();
    const running = inSlot('exploring');
    expect(liveMeetingAmong([scheduled, null, running])).toBe(running);
    expect(liveMeetingAmong([scheduled, null])).toBeNull();
  });
});

describe('locking a field with the shared write rules', () => {
  const at = (stage: Parameters<typeof inSlot>[0], personId: string) =>
    buildBoardContext({ docName: 'slot:set1-m0-s1', personId, set: set(), meeting: inSlot(stage) });

  it('lets only the presenter write the issue, and says why to everyone else', () => {
    expect(fieldAccess(at('presenting', 'pat'), 'issueStatement')).toEqual({ editable: true });
    expect(fieldAccess(at('presenting', 'mo'), 'issueStatement')).toEqual({
      editable: false,
      reason: 'Only the presenter writes their issue and the outcome wanted.',
    });
  });

  it('opens each person’s own reflections during reflecting back, and no one else’s', () => {
    expect(fieldAccess(at('reflecting_back', 'mo'), 'reflections:mo').editable).toBe(true);
    expect(fieldAccess(at('reflecting_back', 'mo'), 'reflections:pat').editable).toBe(false);
    expect(fieldAccess(at('exploring', 'mo'), 'reflections:mo')).toEqual({
      editable: false,
      reason: 'Reflections are written during reflecting back.',
    });
  });

  it('keeps everything locked until the context is known', () => {
    expect(fieldAccess(null, 'summary').editable).toBe(false);
  });
});

describe('the board’s given-back words', () => {
  it('gathers the words given back into one entry per section, in the order typed', () => {
    const refusal = (section: string, text: string): WriteRefusedNotice => ({
      type: 'write_refused',
      id: 'n1',
      refusals: [
        { section, rule: 'W4', reason: 'Reflections are written during reflecting back.', text },
      ],
      movedTo: 'action_planning',
    });
    let entries = addGivenBack([], refusal('reflections:ben', 'Online part. '));
    for (const letter of ['e', 'n', 'c', 'e', '.'])
      entries = addGivenBack(entries, refusal('reflections:ben', letter));
    entries = addGivenBack(entries, refusal('summary', 'Another'));
    expect(entries).toEqual([
      {
        section: 'reflections:ben',
        reason: 'Reflections are written during reflecting back.',
        text: 'Online part. ence.',
        movedTo: 'action_planning',
      },
      expect.objectContaining({ section: 'summary', text: 'Another' }),
    ]);
    expect(sectionLabel('reflections:ben')).toBe('Reflections');
    expect(sectionLabel('issueStatement')).toBe('Issue statement');
  });
});
