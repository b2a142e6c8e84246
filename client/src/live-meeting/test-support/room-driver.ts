/**
 * For the room's unit tests only: a meeting of Fran's set (Fran facilitates Ann, Bob and Cat)
 * driven through the shared reducer at a clock the test moves, failing loudly on a refusal.
 */
import {
  type MeetingCommand,
  type MeetingEvent,
  type MeetingSetup,
  type MeetingState,
  createMeetingState,
  reduceMeeting,
} from '@setboard/shared';

export const START = Date.UTC(2027, 8, 21, 8, 30);
export const MINUTE_MS = 60_000;
export const MEMBERS = ['ann', 'bob', 'cat'];

/** Names as the room shows them: the id, capitalised. */
export const nameOf = (id: string): string => id.charAt(0).toUpperCase() + id.slice(1);

export class RoomDriver {
  state: MeetingState;
  now = START;
  events: MeetingEvent[] = [];

  constructor(overrides: Partial<MeetingSetup> = {}) {
    this.state = createMeetingState({
      meetingId: 'set-m0',
      meetingNumber: 1,
      startsAt: START,
      roster: [
        { personId: 'fran', role: 'facilitator' },
        ...MEMBERS.map((personId) => ({ personId, role: 'member' as const })),
      ],
      settings: { quorum: 3, timeAllocation: 'bid' },
      ...overrides,
    });
  }

  do(personId: string | null, ...commands: MeetingCommand[]): this {
    for (const command of commands) {
      const actor = personId === null ? null : { personId, isOrganiser: false };
      const result = reduceMeeting(this.state, command, actor, this.now);
      if (!result.ok) throw new Error(`${personId} ${command.type} refused: ${result.code}`);
      this.state = result.state;
      this.events = result.events;
    }
    return this;
  }

  /** Moves the clock on (nothing ticks: airtime is credited at the next command). */
  wait(minutes: number): this {
    this.now += minutes * MINUTE_MS;
    return this;
  }

  /** The facilitator moves on `times` times. */
  advance(times = 1): this {
    for (let index = 0; index < times; index++) {
      this.do(this.state.actingFacilitatorId, { type: 'stage:advance' });
    }
    return this;
  }

  /** Lobby open, Fran and `joiners` in the lobby. */
  lobby(joiners: string[] = MEMBERS): this {
    this.do('fran', { type: 'lobby:open' }, { type: 'meeting:join' });
    for (const personId of joiners) this.do(personId, { type: 'meeting:join' });
    return this;
  }

  /** Started, and moved on to bidding (opening, contracting, three turns, objectives). */
  bidding(): this {
    this.lobby().do('fran', { type: 'meeting:start' });
    return this.advance(1 + 1 + MEMBERS.length + 1);
  }
}
