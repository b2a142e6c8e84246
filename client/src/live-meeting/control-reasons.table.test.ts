/**
 * [AT-LM5] Every disabled control's reason is true for the state it is shown in. The walk below
 * visits every phase and every slot stage the reducer has; for each, the reason (or "enabled")
 * of the room's time and turn controls is written out by hand. Fran facilitates; Ann presents
 * the first slot, Bob (a member in it) the second, after a break.
 */
import { MeetingPhase, type MeetingCommand, SlotStage } from '@setboard/shared';
import { describe, expect, it } from 'vitest';
import { controlStatus } from './control-reasons';
import { RoomDriver, nameOf } from './test-support/room-driver';

const OK = 'enabled';

/** The controls checked, each with who presses it. */
const CONTROLS: Record<string, { personId: string; command: MeetingCommand }> = {
  'Move on': { personId: 'fran', command: { type: 'stage:advance' } },
  'Go back': { personId: 'fran', command: { type: 'stage:back' } },
  'Time out': { personId: 'fran', command: { type: 'timer:pause' } },
  'Start a break': { personId: 'fran', command: { type: 'break:start', minutes: 10 } },
  'Raise your hand (Bob)': { personId: 'bob', command: { type: 'hand:raise' } },
  'Finish my turn (Bob)': { personId: 'bob', command: { type: 'turn:pass' } },
  'Ready to move on (Bob)': { personId: 'bob', command: { type: 'ready:signal' } },
  'I have finished presenting (Ann)': { personId: 'ann', command: { type: 'presenting:finish' } },
};
type ControlName = keyof typeof CONTROLS;
type Expected = Record<ControlName, string>;

const NOT_OPEN = 'The lobby is not open yet.';
const ONLY_PRESENTER = 'Only the presenter can do this.';
const QUEUE_CLOSED =
  'Hands go up only in open discussions and the question stages, not while someone presents.';
const NOBODY_TURN = 'Nobody is taking turns or holding the floor now.';
const NO_FLOOR = 'You do not have the floor.';
const BREAK_NO_SLOT = 'A break starts between presenters’ slots, once a slot is complete.';
const BREAK_IN_SLOT = 'A break can start once this presenter’s slot is complete.';
const SLOT_START = 'This is the start of this presenter’s slot: going back stops here.';

/** One row per stop of the walk: where the meeting is, and what each control says there. */
const TABLE: Array<{ name: string; expected: Expected }> = [
  {
    name: 'scheduled',
    expected: {
      'Move on': NOT_OPEN,
      'Go back': NOT_OPEN,
      'Time out': NOT_OPEN,
      'Start a break': NOT_OPEN,
      'Raise your hand (Bob)': NOT_OPEN,
      'Finish my turn (Bob)': NOT_OPEN,
      'Ready to move on (Bob)': NOT_OPEN,
      'I have finished presenting (Ann)': ONLY_PRESENTER,
    },
  },
  {
    name: 'lobby',
    expected: {
      'Move on': 'Start the meeting first.',
      'Go back': 'Only once the meeting has started.',
      'Time out': 'Only once the meeting has started.',
      'Start a break': BREAK_NO_SLOT,
      'Raise your hand (Bob)': QUEUE_CLOSED,
      'Finish my turn (Bob)': NOBODY_TURN,
      'Ready to move on (Bob)': 'Only once the meeting has started.',
      'I have finished presenting (Ann)': ONLY_PRESENTER,
    },
  },
  {
    name: 'opening',
    expected: {
      'Move on': OK,
      'Go back': 'The meeting has just started: there is nothing before this.',
      'Time out': OK,
      'Start a break': BREAK_NO_SLOT,
      'Raise your hand (Bob)': QUEUE_CLOSED,
      'Finish my turn (Bob)': NOBODY_TURN,
      'Ready to move on (Bob)': OK,
      'I have finished presenting (Ann)': ONLY_PRESENTER,
    },
  },
  {
    name: 'contracting',
    expected: {
      'Move on': OK,
      'Go back': OK,
      'Time out': OK,
      'Start a break': BREAK_NO_SLOT,
      'Raise your hand (Bob)': OK,
      'Finish my turn (Bob)': NO_FLOOR,
      'Ready to move on (Bob)': OK,
      'I have finished presenting (Ann)': ONLY_PRESENTER,
    },
  },
  {
    name: 'expectations_round',
    expected: {
      'Move on': OK,
      'Go back': OK,
      'Time out': OK,
      'Start a break': BREAK_NO_SLOT,
      'Raise your hand (Bob)': QUEUE_CLOSED,
      'Finish my turn (Bob)': 'It is Ann’s turn.',
      'Ready to move on (Bob)': OK,
      'I have finished presenting (Ann)': ONLY_PRESENTER,
    },
  },
  {
    name: 'objectives',
    expected: {
      'Move on': OK,
      'Go back': OK,
      'Time out': OK,
      'Start a break': BREAK_NO_SLOT,
      'Raise your hand (Bob)': OK,
      'Finish my turn (Bob)': NO_FLOOR,
      'Ready to move on (Bob)': OK,
      'I have finished presenting (Ann)': ONLY_PRESENTER,
    },
  },
  {
    name: 'bidding',
    expected: {
      'Move on': OK,
      'Go back': OK,
      'Time out': OK,
      'Start a break': BREAK_NO_SLOT,
      'Raise your hand (Bob)': QUEUE_CLOSED,
      'Finish my turn (Bob)': NOBODY_TURN,
      'Ready to move on (Bob)': OK,
      'I have finished presenting (Ann)': ONLY_PRESENTER,
    },
  },
  {
    name: 'slot: contracting',
    expected: {
      'Move on': OK,
      'Go back': SLOT_START,
      'Time out': OK,
      'Start a break': BREAK_IN_SLOT,
      'Raise your hand (Bob)': QUEUE_CLOSED,
      'Finish my turn (Bob)': NOBODY_TURN,
      'Ready to move on (Bob)': OK,
      'I have finished presenting (Ann)': 'Only while you are presenting.',
    },
  },
  {
    name: 'slot: presenting',
    expected: {
      'Move on': OK,
      'Go back': OK,
      'Time out': OK,
      'Start a break': BREAK_IN_SLOT,
      'Raise your hand (Bob)': QUEUE_CLOSED,
      'Finish my turn (Bob)': NOBODY_TURN,
      'Ready to move on (Bob)': OK,
      'I have finished presenting (Ann)': OK,
    },
  },
  ...(['clarifying', 'exploring', 'reflecting_back', 'action_planning'] as const).map((stage) => ({
    name: `slot: ${stage}`,
    expected: {
      'Move on': OK,
      'Go back': OK,
      'Time out': OK,
      'Start a break': BREAK_IN_SLOT,
      'Raise your hand (Bob)': OK,
      'Finish my turn (Bob)': NO_FLOOR,
      'Ready to move on (Bob)': OK,
      'I have finished presenting (Ann)': 'Only while you are presenting.',
    },
  })),
  {
    name: 'slot: presenter_feedback',
    expected: {
      'Move on': OK,
      'Go back': OK,
      'Time out': OK,
      'Start a break': BREAK_IN_SLOT,
      'Raise your hand (Bob)': QUEUE_CLOSED,
      'Finish my turn (Bob)': NOBODY_TURN,
      'Ready to move on (Bob)': OK,
      'I have finished presenting (Ann)': 'Only while you are presenting.',
    },
  },
  {
    name: 'slot: complete',
    expected: {
      'Move on': OK,
      'Go back': OK,
      'Time out': OK,
      'Start a break': OK,
      'Raise your hand (Bob)': QUEUE_CLOSED,
      'Finish my turn (Bob)': NOBODY_TURN,
      'Ready to move on (Bob)': OK,
      'I have finished presenting (Ann)': 'Only while you are presenting.',
    },
  },
  {
    name: 'break',
    expected: {
      'Move on': OK,
      'Go back': 'A break cannot be undone: move on when the set is ready.',
      'Time out': OK,
      'Start a break': 'The break has started.',
      'Raise your hand (Bob)': QUEUE_CLOSED,
      'Finish my turn (Bob)': NOBODY_TURN,
      'Ready to move on (Bob)': OK,
      'I have finished presenting (Ann)': ONLY_PRESENTER,
    },
  },
  {
    name: 'process_review',
    expected: {
      'Move on': OK,
      'Go back': 'The presenters’ slots have ended: going back stops here.',
      'Time out': OK,
      'Start a break': BREAK_NO_SLOT,
      'Raise your hand (Bob)': OK,
      'Finish my turn (Bob)': NO_FLOOR,
      'Ready to move on (Bob)': OK,
      'I have finished presenting (Ann)': ONLY_PRESENTER,
    },
  },
  {
    name: 'closing',
    expected: {
      'Move on': OK,
      'Go back': OK,
      'Time out': OK,
      'Start a break': BREAK_NO_SLOT,
      'Raise your hand (Bob)': QUEUE_CLOSED,
      'Finish my turn (Bob)': NOBODY_TURN,
      'Ready to move on (Bob)': OK,
      'I have finished presenting (Ann)': ONLY_PRESENTER,
    },
  },
  {
    name: 'closed',
    expected: Object.fromEntries(
      Object.keys(CONTROLS).map((control) => [control, 'The meeting has closed.']),
    ) as Expected,
  },
];

/** Walks one meeting through every stop of the table, keeping a copy of each. */
function walk(): Map<string, RoomDriver> {
  const driver = new RoomDriver();
  const stops = new Map<string, RoomDriver>();
  const keep = (name: string) => {
    const copy = new RoomDriver();
    copy.state = driver.state;
    copy.now = driver.now;
    stops.set(name, copy);
  };
  const where = () => {
    const { state } = driver;
    const slot = state.slots.find((candidate) => candidate.id === state.currentSlotId);
    return state.phase === 'slot' ? `slot: ${slot?.stage}` : state.phase;
  };
  keep('scheduled');
  driver.lobby();
  keep('lobby');
  driver.do('fran', { type: 'meeting:start' });
  const phase = (): MeetingPhase => driver.state.phase;
  while (phase() !== 'bidding') {
    if (!stops.has(where())) keep(where());
    driver.advance();
  }
  driver.do('ann', { type: 'bid:place', synopsis: 'Rotas', minutes: 40 });
  driver.do('bob', { type: 'bid:place', synopsis: 'Handover', minutes: 40 });
  keep('bidding');
  driver.advance();
  while (driver.state.slots[0]?.stage !== 'complete') {
    keep(where());
    driver.advance();
  }
  keep(where());
  driver.do('fran', { type: 'break:start', minutes: 10 });
  keep('break');
  // Bob's slot runs to its end; the process review follows straight on from it.
  while (phase() !== 'process_review') driver.advance();
  keep('process_review');
  driver.advance();
  keep('closing');
  driver.advance();
  keep('closed');
  return stops;
}

describe('[AT-LM5] every disabled control says something true in every stage', () => {
  const stops = walk();

  it('[AT-LM5] the table visits every phase and every slot stage of the reducer', () => {
    const names = TABLE.map((row) => row.name);
    for (const phase of MeetingPhase.options.filter((phase) => phase !== 'slot')) {
      if (phase === 'check_in') continue; // meeting 2 onwards: the same round as expectations
      expect(names).toContain(phase);
    }
    for (const stage of SlotStage.options.filter((stage) => stage !== 'offers'))
      expect(names).toContain(`slot: ${stage}`);
    expect([...stops.keys()].sort()).toEqual([...names].sort());
  });

  it.each(TABLE)('[AT-LM5] $name', ({ name, expected }) => {
    const driver = stops.get(name)!;
    const said = Object.fromEntries(
      Object.entries(CONTROLS).map(([control, { personId, command }]) => {
        const status = controlStatus(
          command,
          { state: driver.state, selfId: personId, nameOf },
          driver.now,
        );
        return [control, status.enabled ? OK : status.reason];
      }),
    );
    expect(said).toEqual(expected);
  });
});
