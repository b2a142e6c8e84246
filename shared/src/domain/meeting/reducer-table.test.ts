/**
 * [AT-C1] Every command × role × representative state: allowed, or refused with its code. The
 * expected outcomes are written out by hand below (they are the specification), not computed.
 * A refused command must hand back the very state it was given, unchanged (G2).
 */
import { describe, expect, it } from 'vitest';
import {
  MEETING_COMMAND_TYPES,
  type MeetingCommand,
  type MeetingCommandType,
} from './meeting-commands.js';
import type { MeetingState } from './meeting-state.js';
import {
  actorFor,
  ANN,
  BEN,
  deepFreeze,
  FRAN,
  MeetingDriver,
  MO,
  PAT,
  setUpMeeting,
} from './test-support/meeting-driver.js';
import { reduceMeeting } from './reducer.js';

import { ROLES, TABLE, type Row, type StateName } from './test-support/reducer-table.expected.js';

/** The one payload used for each command type (slots: Pat's is m1-s1, Mo's m1-s2). */
function commandOf(type: MeetingCommandType, state: MeetingState): MeetingCommand {
  switch (type) {
    case 'timer:extend':
      return { type, minutes: 2 };
    case 'roster:sync':
      return { type, roster: state.roster };
    case 'slots:reorder':
      return {
        type,
        slotIds: state.slots
          .filter((slot) => slot.status === 'planned')
          .map((slot) => slot.id)
          .reverse(),
      };
    case 'slot:defer':
      return { type, slotId: 'm1-s2' };
    case 'break:start':
      return { type, minutes: 10 };
    case 'floor:grant':
    case 'facilitation:handover':
      return { type, personId: ANN };
    case 'queue:remove':
    case 'presence:left':
    case 'presence:back':
      return { type, personId: MO };
    case 'bid:place':
      return { type, synopsis: 'Rota changes', minutes: 20 };
    case 'offers:choose':
      return { type, optIn: true };
    default:
      return { type } as MeetingCommand;
  }
}

/** Drives one meeting through every representative state, keeping a snapshot of each. */
function representativeStates(): Record<StateName, { state: MeetingState; now: number }> {
  const driver = new MeetingDriver(setUpMeeting({ settings: { timeAllocation: 'bid' } }));
  const snapshots = {} as Record<StateName, { state: MeetingState; now: number }>;
  const phase = () => driver.state.phase;
  const keep = (name: StateName) => {
    snapshots[name] = { state: deepFreeze(driver.state), now: driver.now };
  };
  keep('scheduled');
  driver.do(FRAN, { type: 'lobby:open' });
  for (const personId of [FRAN, PAT, MO]) driver.do(personId, { type: 'meeting:join' });
  keep('lobby without quorum');
  for (const personId of [ANN, BEN]) driver.do(personId, { type: 'meeting:join' });
  keep('lobby with quorum');
  driver.do(FRAN, { type: 'meeting:start' });
  keep('opening');
  driver.advance(); // contracting
  driver.advance(); // Pat's turn
  driver.advance(); // Mo's turn
  keep('expectations round, Mo’s turn');
  while (phase() !== 'bidding') driver.advance();
  driver.do(PAT, { type: 'bid:place', synopsis: 'Merging two rotas', minutes: 40 });
  driver.do(MO, { type: 'bid:place', synopsis: 'Sickness absence', minutes: 20 });
  keep('bidding');
  driver.advance(); // Pat's slot: contracting
  driver.advance();
  keep('Pat presenting');
  driver.advance(); // clarifying
  driver.advance(); // exploring
  driver.do(MO, { type: 'hand:raise' });
  keep('exploring, Mo holds the floor');
  driver.do(FRAN, { type: 'timer:pause' });
  keep('exploring in a time out');
  driver.do(FRAN, { type: 'timer:resume' });
  while (driver.state.slots[0]?.stage !== 'complete') driver.advance();
  keep('Pat’s slot complete');
  while (phase() !== 'closed') driver.advance();
  keep('closed');
  snapshots['exploring, open queue, nobody holds the floor'] = openQueueExploring();
  return snapshots;
}

/** The same meeting under the set's `open` queue, in exploring, with no hand raised. */
function openQueueExploring(): { state: MeetingState; now: number } {
  const driver = new MeetingDriver(
    setUpMeeting({ settings: { timeAllocation: 'bid', queue: 'open' } }),
  );
  driver.openAndStart();
  while (driver.state.phase !== 'bidding') driver.advance();
  driver.do(PAT, { type: 'bid:place', synopsis: 'Merging two rotas', minutes: 40 });
  driver.do(MO, { type: 'bid:place', synopsis: 'Sickness absence', minutes: 20 });
  while (driver.state.slots[0]?.stage !== 'exploring') driver.advance();
  return { state: deepFreeze(driver.state), now: driver.now };
}

describe('[AT-C1] the reducer table: every command × role × state', () => {
  const states = representativeStates();

  it('[AT-C1] the representative states are the ones named', () => {
    expect(states['Pat presenting'].state.currentSlotId).toBe('m1-s1');
    expect(states['expectations round, Mo’s turn'].state.round?.order[1]).toBe(MO);
    expect(states['exploring, Mo holds the floor'].state.queue.floor?.personId).toBe(MO);
    expect(states['exploring in a time out'].state.pausedAt).not.toBeNull();
    const open = states['exploring, open queue, nobody holds the floor'].state;
    expect(open.settings.queue).toBe('open');
    expect(open.queue.floor).toBeNull();
    expect(open.currentSlotId).toBe('m1-s1');
  });

  for (const [name, row] of Object.entries(TABLE) as [
    StateName,
    Record<MeetingCommandType, Row>,
  ][]) {
    describe(`[AT-C1] in state "${name}"`, () => {
      const cases = MEETING_COMMAND_TYPES.flatMap((type) =>
        ROLES.map(([role, personId], index) => ({
          type,
          role,
          personId,
          expected: row[type][index]!,
        })),
      );
      it.each(cases)('[AT-C1] $type by the $role: $expected', ({ type, personId, expected }) => {
        const { state, now } = states[name];
        const before = JSON.stringify(state);
        const result = reduceMeeting(state, commandOf(type, state), actorFor(personId), now);
        expect(result.ok ? 'ok' : result.code).toBe(expected);
        // The given state is never changed; a refusal hands it back as it was (G2).
        expect(JSON.stringify(state)).toBe(before);
        if (!result.ok) expect(result.state).toBe(state);
      });
    });
  }

  it('[AT-C1] the table covers every command in every state', () => {
    for (const row of Object.values(TABLE)) {
      expect(Object.keys(row).sort()).toEqual([...MEETING_COMMAND_TYPES].sort());
    }
  });
});
