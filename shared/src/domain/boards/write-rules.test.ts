/**
 * The write rules (docs/protocol.md, W0–W14) as a table: for each section, who may write it in
 * which meeting state. The server's gate and the client's field locks both ask `mayWrite`, so
 * this table is what both enforce. Expected answers are written out, not computed.
 */
import { describe, expect, it } from 'vitest';
import type { SetRole } from '../../protocol/api/sets.js';
import type { DocKind } from '../../protocol/doc-names.js';
import { FRAN, MO, PAT, setUpMeeting } from '../meeting/test-support/meeting-driver.js';
import type { MeetingPhase, MeetingState, SlotStage } from '../meeting/meeting-state.js';
import { personalRoot, sectionOf } from './board-sections.js';
import { mayWrite, type BoardWriteContext } from './write-rules.js';

const SLOT = 'm1-s1';

/** A meeting at `phase`; in a slot, Pat's slot at `stage`; in a round, on `turn`'s turn. */
function meetingAt(phase: MeetingPhase, extra: { stage?: SlotStage; turn?: string } = {}) {
  const state: MeetingState = setUpMeeting();
  state.phase = phase;
  state.slots = [
    {
      id: SLOT,
      presenterId: PAT,
      synopsis: 'Rotas',
      minutes: 40,
      status: phase === 'slot' ? 'running' : 'planned',
      stage: extra.stage ?? null,
      offersOptIn: false,
      carriedFrom: null,
    },
  ];
  state.currentSlotId = phase === 'slot' ? SLOT : null;
  if (extra.turn) state.round = { order: [PAT, MO], index: [PAT, MO].indexOf(extra.turn) };
  return state;
}

function context(
  kind: DocKind,
  personId: string,
  meeting: MeetingState | null,
  options: { docId?: string; notesPolicy?: BoardWriteContext['notesPolicy'] } = {},
): BoardWriteContext {
  const setRole: SetRole = personId === FRAN ? 'facilitator' : 'member';
  const docId = options.docId ?? (kind === 'slot' ? SLOT : kind === 'log' ? personId : 'm1');
  const notesPolicy = options.notesPolicy ?? 'presenter_only';
  if (meeting) meeting.settings = { ...meeting.settings, notesPolicy };
  return { kind, docId, personId, setRole, meeting, notesPolicy };
}

interface Case {
  what: string;
  kind: DocKind;
  root: string;
  key?: string;
  who: string;
  meeting: MeetingState | null;
  notesPolicy?: BoardWriteContext['notesPolicy'];
  docId?: string;
  expected: [allowed: boolean, rule: string];
}

const clarifying = () => meetingAt('slot', { stage: 'clarifying' });
const CASES: Case[] = [
  // Slot boards
  {
    what: 'the presenter writes their issue',
    kind: 'slot',
    root: 'issueStatement',
    who: PAT,
    meeting: clarifying(),
    expected: [true, 'W1'],
  },
  {
    what: 'a member writes the issue',
    kind: 'slot',
    root: 'issueStatement',
    who: MO,
    meeting: clarifying(),
    expected: [false, 'W1'],
  },
  {
    what: 'the facilitator writes the outcome wanted',
    kind: 'slot',
    root: 'desiredOutcome',
    who: FRAN,
    meeting: clarifying(),
    expected: [false, 'W1'],
  },
  {
    what: 'the presenter updates actions between meetings',
    kind: 'slot',
    root: 'actions',
    key: 'a1',
    who: PAT,
    meeting: meetingAt('closed'),
    expected: [true, 'W2'],
  },
  {
    what: 'a member writes an action',
    kind: 'slot',
    root: 'actions',
    key: 'a1',
    who: MO,
    meeting: clarifying(),
    expected: [false, 'W2'],
  },
  {
    what: 'even the presenter types into questions',
    kind: 'slot',
    root: 'questions',
    key: 'q1',
    who: PAT,
    meeting: clarifying(),
    expected: [false, 'W3'],
  },
  {
    what: 'own reflections while reflecting back',
    kind: 'slot',
    root: personalRoot('reflections', MO),
    who: MO,
    meeting: meetingAt('slot', { stage: 'reflecting_back' }),
    expected: [true, 'W4'],
  },
  {
    what: 'own reflections while clarifying',
    kind: 'slot',
    root: personalRoot('reflections', MO),
    who: MO,
    meeting: clarifying(),
    expected: [false, 'W4'],
  },
  {
    what: 'own reflections between meetings',
    kind: 'slot',
    root: personalRoot('reflections', MO),
    who: MO,
    meeting: meetingAt('closed'),
    expected: [true, 'W4'],
  },
  {
    what: 'someone else’s reflections',
    kind: 'slot',
    root: personalRoot('reflections', MO),
    who: PAT,
    meeting: meetingAt('slot', { stage: 'reflecting_back' }),
    expected: [false, 'W4'],
  },
  {
    what: 'summary, presenter only: the presenter',
    kind: 'slot',
    root: 'summary',
    who: PAT,
    meeting: clarifying(),
    expected: [true, 'W5'],
  },
  {
    what: 'summary, presenter only: the facilitator',
    kind: 'slot',
    root: 'summary',
    who: FRAN,
    meeting: clarifying(),
    expected: [false, 'W5'],
  },
  {
    what: 'summary, scribe for presenter: the facilitator',
    kind: 'slot',
    root: 'summary',
    who: FRAN,
    meeting: clarifying(),
    notesPolicy: 'scribe_for_presenter',
    expected: [true, 'W5'],
  },
  {
    what: 'summary, scribe for presenter: a member',
    kind: 'slot',
    root: 'summary',
    who: MO,
    meeting: clarifying(),
    notesPolicy: 'scribe_for_presenter',
    expected: [false, 'W5'],
  },
  {
    what: 'summary, open notes: a member',
    kind: 'slot',
    root: 'summary',
    who: MO,
    meeting: clarifying(),
    notesPolicy: 'open',
    expected: [true, 'W5'],
  },
  {
    what: 'a slot of another meeting',
    kind: 'slot',
    root: 'issueStatement',
    who: PAT,
    meeting: clarifying(),
    docId: 'm2-s1',
    expected: [false, 'W0'],
  },
  {
    what: 'a root no slot board has',
    kind: 'slot',
    root: 'secret',
    who: PAT,
    meeting: clarifying(),
    expected: [false, 'W0'],
  },
  // Meeting boards
  {
    what: 'own expectations card on own turn',
    kind: 'meeting',
    root: personalRoot('expectations', MO),
    who: MO,
    meeting: meetingAt('expectations_round', { turn: MO }),
    expected: [true, 'W6'],
  },
  {
    what: 'own expectations card on someone else’s turn',
    kind: 'meeting',
    root: personalRoot('expectations', MO),
    who: MO,
    meeting: meetingAt('expectations_round', { turn: PAT }),
    expected: [false, 'W6'],
  },
  {
    what: 'someone else’s card on their turn',
    kind: 'meeting',
    root: personalRoot('expectations', PAT),
    who: MO,
    meeting: meetingAt('expectations_round', { turn: PAT }),
    expected: [false, 'W6'],
  },
  {
    what: 'own card before the meeting opens',
    kind: 'meeting',
    root: personalRoot('expectations', MO),
    who: MO,
    meeting: null,
    expected: [true, 'W6'],
  },
  {
    what: 'own card during the objectives stage',
    kind: 'meeting',
    root: personalRoot('expectations', MO),
    who: MO,
    meeting: meetingAt('objectives'),
    expected: [false, 'W6'],
  },
  {
    what: 'own report-back on own check-in turn',
    kind: 'meeting',
    root: personalRoot('reportBack', MO),
    who: MO,
    meeting: meetingAt('check_in', { turn: MO }),
    expected: [true, 'W7'],
  },
  {
    what: 'own report-back between meetings',
    kind: 'meeting',
    root: personalRoot('reportBack', MO),
    who: MO,
    meeting: meetingAt('closed'),
    expected: [true, 'W7'],
  },
  {
    what: 'process review notes by a member at the review',
    kind: 'meeting',
    root: 'processReview',
    who: MO,
    meeting: meetingAt('process_review'),
    expected: [true, 'W8'],
  },
  {
    what: 'process review notes by a member mid-slot',
    kind: 'meeting',
    root: 'processReview',
    who: MO,
    meeting: clarifying(),
    expected: [false, 'W8'],
  },
  {
    what: 'process review notes by the facilitator mid-slot',
    kind: 'meeting',
    root: 'processReview',
    who: FRAN,
    meeting: clarifying(),
    expected: [true, 'W8'],
  },
  // Set boards
  {
    what: 'ground rules by the facilitator while contracting',
    kind: 'set',
    root: 'groundRules',
    who: FRAN,
    meeting: meetingAt('contracting'),
    expected: [true, 'W9'],
  },
  {
    what: 'ground rules by a member while contracting',
    kind: 'set',
    root: 'groundRules',
    who: MO,
    meeting: meetingAt('contracting'),
    expected: [false, 'W9'],
  },
  {
    what: 'ground rules by the facilitator with no meeting running',
    kind: 'set',
    root: 'groundRules',
    who: FRAN,
    meeting: null,
    expected: [false, 'W9'],
  },
  {
    what: 'a version published at the process review',
    kind: 'set',
    root: 'contractVersions',
    who: FRAN,
    meeting: meetingAt('process_review'),
    expected: [true, 'W9'],
  },
  {
    what: 'own agreement',
    kind: 'set',
    root: 'agreements',
    key: MO,
    who: MO,
    meeting: null,
    expected: [true, 'W10'],
  },
  {
    what: 'someone else’s agreement',
    kind: 'set',
    root: 'agreements',
    key: PAT,
    who: MO,
    meeting: null,
    expected: [false, 'W10'],
  },
  {
    what: 'set objectives in the objectives stage',
    kind: 'set',
    root: 'setObjectives',
    key: 'o1',
    who: MO,
    meeting: meetingAt('objectives'),
    expected: [true, 'W11'],
  },
  {
    what: 'set objectives mid-slot',
    kind: 'set',
    root: 'setObjectives',
    key: 'o1',
    who: MO,
    meeting: clarifying(),
    expected: [false, 'W11'],
  },
  {
    what: 'set objectives between meetings',
    kind: 'set',
    root: 'setObjectives',
    key: 'o1',
    who: FRAN,
    meeting: null,
    expected: [false, 'W11'],
  },
  {
    what: 'own objectives at any time',
    kind: 'set',
    root: personalRoot('personalObjectives', MO),
    key: 'o2',
    who: MO,
    meeting: clarifying(),
    expected: [true, 'W12'],
  },
  {
    what: 'someone else’s objectives',
    kind: 'set',
    root: personalRoot('personalObjectives', PAT),
    key: 'o2',
    who: MO,
    meeting: null,
    expected: [false, 'W12'],
  },
  {
    what: 'the shared notes',
    kind: 'set',
    root: 'notes',
    who: MO,
    meeting: clarifying(),
    expected: [true, 'W14'],
  },
  // Learning logs
  {
    what: 'own learning log',
    kind: 'log',
    root: 'entries',
    who: MO,
    meeting: null,
    expected: [true, 'W13'],
  },
  {
    what: 'someone else’s learning log',
    kind: 'log',
    root: 'entries',
    who: FRAN,
    meeting: null,
    docId: MO,
    expected: [false, 'W13'],
  },
  {
    what: 'a dated entry of own log',
    kind: 'log',
    root: 'logEntries',
    key: 'e1',
    who: MO,
    meeting: null,
    expected: [true, 'W13'],
  },
  {
    what: 'the prose of an entry of own log',
    kind: 'log',
    root: personalRoot('entry', 'e1'),
    who: MO,
    meeting: null,
    expected: [true, 'W13'],
  },
  {
    what: 'an entry of someone else’s log',
    kind: 'log',
    root: personalRoot('entry', 'e1'),
    who: FRAN,
    meeting: null,
    docId: MO,
    expected: [false, 'W13'],
  },
];

describe('the write rules (W0–W14)', () => {
  it.each(CASES)('$expected.1: $what', (item) => {
    const ctx = context(item.kind, item.who, item.meeting, {
      ...(item.docId ? { docId: item.docId } : {}),
      ...(item.notesPolicy ? { notesPolicy: item.notesPolicy } : {}),
    });
    const verdict = mayWrite(ctx, sectionOf(item.kind, item.root, item.key ?? null));
    expect([verdict.allowed, verdict.rule]).toEqual(item.expected);
    if (!verdict.allowed) expect(verdict.reason).toMatch(/\.$/);
  });

  it('sections: per-person roots carry their owner; keyed maps their key; unknown roots stay as they are', () => {
    expect(sectionOf('meeting', 'expectations:p1', null)).toEqual({
      root: 'expectations',
      key: 'p1',
    });
    expect(sectionOf('set', 'agreements', 'p1')).toEqual({ root: 'agreements', key: 'p1' });
    expect(sectionOf('slot', 'summary', null)).toEqual({ root: 'summary', key: null });
    expect(sectionOf('slot', 'summary:p1', null)).toEqual({ root: 'summary:p1', key: null });
    expect(sectionOf('meeting', 'expectations', null)).toEqual({ root: 'expectations', key: null });
  });
});
