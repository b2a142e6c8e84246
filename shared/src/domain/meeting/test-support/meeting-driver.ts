/**
 * Test helpers for the meeting reducer: a set of five, a driven clock, and a driver that applies
 * commands and fails loudly (with the refusal code) when one is refused unexpectedly.
 */
import type { Actor } from '../../access.js';
import { createMeetingState, type MeetingSetup } from '../create-meeting.js';
import type { MeetingCommand } from '../meeting-commands.js';
import type { MeetingEvent } from '../meeting-events.js';
import type { MeetingState } from '../meeting-state.js';
import { reduceMeeting, type MeetingResult } from '../reducer.js';
import { MS_PER_MINUTE } from '../timings.js';

export const FRAN = 'fran'; // the facilitator
export const PAT = 'pat'; // presents first
export const MO = 'mo';
export const ANN = 'ann';
export const BEN = 'ben';
export const OLGA = 'olga'; // an organiser, not in the set
export const ZOE = 'zoe'; // joins the set once its meetings are open
export const MEMBERS = [PAT, MO, ANN, BEN];

/** 21 September 2017, 09:00 UTC: HPMA's first meeting. */
export const MEETING_STARTS_AT = Date.UTC(2017, 8, 21, 9, 0);

/** The actor for a person id (null: the server itself). */
export function actorFor(personId: string | null): Actor {
  return personId === null ? null : { personId, isOrganiser: personId === OLGA };
}

/** A meeting of Fran's set: Fran facilitates Pat, Mo, Ann and Ben. */
export function setUpMeeting(overrides: Partial<MeetingSetup> = {}): MeetingState {
  return createMeetingState({
    meetingId: 'm1',
    meetingNumber: 1,
    startsAt: MEETING_STARTS_AT,
    roster: [
      { personId: FRAN, role: 'facilitator' },
      ...MEMBERS.map((personId) => ({ personId, role: 'member' as const })),
    ],
    ...overrides,
  });
}

/** Applies commands at a driven time and keeps every event. */
export class MeetingDriver {
  events: MeetingEvent[] = [];

  constructor(
    public state: MeetingState,
    public now = MEETING_STARTS_AT - 10 * MS_PER_MINUTE,
  ) {}

  /** Tries a command; the state moves on only if it is accepted. */
  try(personId: string | null, command: MeetingCommand): MeetingResult {
    const result = reduceMeeting(this.state, command, actorFor(personId), this.now);
    if (result.ok) {
      this.state = result.state;
      this.events.push(...result.events);
    }
    return result;
  }

  /** Applies a command that must be accepted; returns its events. */
  do(personId: string | null, command: MeetingCommand): MeetingEvent[] {
    const result = this.try(personId, command);
    if (!result.ok) {
      throw new Error(`${personId ?? 'server'} ${command.type} refused: ${result.code}`);
    }
    return result.events;
  }

  /** Moves the clock on and lets it tick. */
  wait(ms: number): MeetingEvent[] {
    this.now += ms;
    return this.do(null, { type: 'tick' });
  }

  waitMinutes(minutes: number): MeetingEvent[] {
    return this.wait(minutes * MS_PER_MINUTE);
  }

  /** The facilitator (whoever holds it now) advances. */
  advance(): MeetingEvent[] {
    return this.do(this.state.actingFacilitatorId, { type: 'stage:advance' });
  }

  /** Lobby open, everyone joins, the meeting starts. */
  openAndStart(joiners: string[] = [FRAN, ...MEMBERS]): void {
    this.do(FRAN, { type: 'lobby:open' });
    for (const personId of joiners) this.do(personId, { type: 'meeting:join' });
    this.do(FRAN, { type: 'meeting:start' });
  }
}

/** Freezes a value and everything in it, so an accidental change throws in strict mode. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
