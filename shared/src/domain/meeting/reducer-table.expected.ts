/**
 * [C1] The expected outcome of every command, for each role, in each representative state:
 * written out by hand as the specification the reducer is checked against.
 */
import { MEETING_COMMAND_TYPES, type MeetingCommandType } from './meeting-commands.js';
import type { MeetingErrorCode } from './meeting-errors.js';
import { FRAN, MO, OLGA, PAT } from './meeting-test-support.js';

export type Outcome = 'ok' | MeetingErrorCode;
/** Outcomes for the facilitator (Fran), the presenter (Pat), a member (Mo), an organiser (Olga). */
export type Row = readonly [Outcome, Outcome, Outcome, Outcome];
export const ROLES = [
  ['facilitator', FRAN],
  ['presenter', PAT],
  ['member', MO],
  ['organiser (not a member)', OLGA],
] as const;

const OK = 'ok';
const NF = 'not_facilitator';
const NP = 'not_presenter';
const NM = 'not_a_member';
const RNA = 'role_not_allowed';
const NJ = 'not_joined';
const WS = 'wrong_stage';
const MP = 'meeting_paused';
const AJ = 'already_joined';

/** Facilitator commands: Pat and Mo are refused as not facilitating. */
const facilitator = (outcome: Outcome): Row => [outcome, NF, NF, NM];
/** Commands for members: the facilitator does not take part in this set. */
const member = (pat: Outcome, mo: Outcome, fran: Outcome = RNA): Row => [fran, pat, mo, NM];
const presenter = (pat: Outcome): Row => [NP, pat, NP, NM];
const rosterAlike = (outcome: Outcome): Row => [outcome, outcome, outcome, NM];
const TICK: Row = [OK, OK, OK, OK];

export type StateName =
  | 'scheduled'
  | 'lobby without quorum'
  | 'lobby with quorum'
  | 'opening'
  | 'expectations round, Mo’s turn'
  | 'bidding'
  | 'Pat presenting'
  | 'exploring, Mo holds the floor'
  | 'exploring in a time out'
  | 'Pat’s slot complete'
  | 'closed';

export const TABLE: Record<StateName, Record<MeetingCommandType, Row>> = {
  scheduled: {
    'lobby:open': facilitator(OK),
    'meeting:start': facilitator(NJ),
    'meeting:join': rosterAlike(WS),
    'apologies:send': rosterAlike(OK),
    'stage:advance': facilitator(NJ),
    'stage:back': facilitator(NJ),
    'timer:pause': facilitator(NJ),
    'timer:resume': facilitator(NJ),
    'timer:extend': facilitator(NJ),
    tick: TICK,
    'slots:reorder': facilitator(NJ),
    'slot:defer': facilitator(NJ),
    'break:start': facilitator(NJ),
    'floor:grant': facilitator(NJ),
    'queue:remove': facilitator(NJ),
    'facilitation:handover': facilitator(NJ),
    'hand:raise': member(NJ, NJ),
    'hand:lower': member(NJ, NJ),
    'turn:pass': member(NJ, NJ),
    'bid:place': member(NJ, NJ),
    'bid:withdraw': member(NJ, NJ),
    'ready:signal': member(NJ, NJ),
    'presenting:finish': presenter(NP),
    'offers:choose': presenter(NP),
    'question:asked': member(NJ, NJ),
  },
  'lobby without quorum': {
    'lobby:open': facilitator(WS),
    'meeting:start': facilitator('no_quorum'),
    'meeting:join': rosterAlike(AJ),
    'apologies:send': rosterAlike(AJ),
    'stage:advance': facilitator(WS),
    'stage:back': facilitator(WS),
    'timer:pause': facilitator(WS),
    'timer:resume': facilitator('not_paused'),
    'timer:extend': facilitator(WS),
    tick: TICK,
    'slots:reorder': facilitator(WS),
    'slot:defer': facilitator(WS),
    'break:start': facilitator(WS),
    'floor:grant': facilitator(WS),
    'queue:remove': facilitator(WS),
    // Ann has not joined, so she cannot take over.
    'facilitation:handover': facilitator('invalid_person'),
    'hand:raise': member(WS, WS),
    'hand:lower': member(WS, WS),
    'turn:pass': member(WS, WS),
    'bid:place': member(WS, WS),
    'bid:withdraw': member(WS, WS),
    'ready:signal': member(WS, WS),
    'presenting:finish': presenter(NP),
    'offers:choose': presenter(NP),
    'question:asked': member(WS, WS),
  },
  'lobby with quorum': {
    'lobby:open': facilitator(WS),
    'meeting:start': facilitator(OK),
    'meeting:join': rosterAlike(AJ),
    'apologies:send': rosterAlike(AJ),
    'stage:advance': facilitator(WS),
    'stage:back': facilitator(WS),
    'timer:pause': facilitator(WS),
    'timer:resume': facilitator('not_paused'),
    'timer:extend': facilitator(WS),
    tick: TICK,
    'slots:reorder': facilitator(WS),
    'slot:defer': facilitator(WS),
    'break:start': facilitator(WS),
    'floor:grant': facilitator(WS),
    'queue:remove': facilitator(WS),
    'facilitation:handover': facilitator(OK),
    'hand:raise': member(WS, WS),
    'hand:lower': member(WS, WS),
    'turn:pass': member(WS, WS),
    'bid:place': member(WS, WS),
    'bid:withdraw': member(WS, WS),
    'ready:signal': member(WS, WS),
    'presenting:finish': presenter(NP),
    'offers:choose': presenter(NP),
    'question:asked': member(WS, WS),
  },
  opening: {
    'lobby:open': facilitator(WS),
    'meeting:start': facilitator(WS),
    'meeting:join': rosterAlike(AJ),
    'apologies:send': rosterAlike(AJ),
    'stage:advance': facilitator(OK),
    // The start is not a stage to undo.
    'stage:back': facilitator('nothing_to_go_back_to'),
    'timer:pause': facilitator(OK),
    'timer:resume': facilitator('not_paused'),
    'timer:extend': facilitator(OK),
    tick: TICK,
    'slots:reorder': facilitator(WS),
    'slot:defer': facilitator(WS),
    'break:start': facilitator(WS),
    'floor:grant': facilitator(WS),
    'queue:remove': facilitator(WS),
    'facilitation:handover': facilitator(OK),
    'hand:raise': member(WS, WS),
    'hand:lower': member(WS, WS),
    'turn:pass': member(WS, WS),
    'bid:place': member(WS, WS),
    'bid:withdraw': member(WS, WS),
    'ready:signal': member(OK, OK),
    'presenting:finish': presenter(NP),
    'offers:choose': presenter(NP),
    'question:asked': member(WS, WS),
  },
  'expectations round, Mo’s turn': {
    'lobby:open': facilitator(WS),
    'meeting:start': facilitator(WS),
    'meeting:join': rosterAlike(AJ),
    'apologies:send': rosterAlike(AJ),
    'stage:advance': facilitator(OK),
    'stage:back': facilitator(OK),
    'timer:pause': facilitator(OK),
    'timer:resume': facilitator('not_paused'),
    'timer:extend': facilitator(OK),
    tick: TICK,
    'slots:reorder': facilitator(WS),
    'slot:defer': facilitator(WS),
    'break:start': facilitator(WS),
    // Turns in a round are uninterrupted: no queue, no floor.
    'floor:grant': facilitator(WS),
    'queue:remove': facilitator(WS),
    'facilitation:handover': facilitator(OK),
    'hand:raise': member(WS, WS),
    'hand:lower': member(WS, WS),
    'turn:pass': member('not_your_turn', OK),
    'bid:place': member(WS, WS),
    'bid:withdraw': member(WS, WS),
    'ready:signal': member(OK, OK),
    'presenting:finish': presenter(NP),
    'offers:choose': presenter(NP),
    'question:asked': member(WS, WS),
  },
  bidding: {
    'lobby:open': facilitator(WS),
    'meeting:start': facilitator(WS),
    'meeting:join': rosterAlike(AJ),
    'apologies:send': rosterAlike(AJ),
    'stage:advance': facilitator(OK),
    'stage:back': facilitator(OK),
    'timer:pause': facilitator(OK),
    'timer:resume': facilitator('not_paused'),
    'timer:extend': facilitator(OK),
    tick: TICK,
    'slots:reorder': facilitator(OK),
    'slot:defer': facilitator(OK),
    'break:start': facilitator(WS),
    'floor:grant': facilitator(WS),
    'queue:remove': facilitator(WS),
    'facilitation:handover': facilitator(OK),
    'hand:raise': member(WS, WS),
    'hand:lower': member(WS, WS),
    'turn:pass': member(WS, WS),
    'bid:place': member(OK, OK),
    'bid:withdraw': member(OK, OK),
    'ready:signal': member(OK, OK),
    'presenting:finish': presenter(NP),
    'offers:choose': presenter(NP),
    'question:asked': member(WS, WS),
  },
  'Pat presenting': {
    'lobby:open': facilitator(WS),
    'meeting:start': facilitator(WS),
    'meeting:join': rosterAlike(AJ),
    'apologies:send': rosterAlike(AJ),
    'stage:advance': facilitator(OK),
    'stage:back': facilitator(OK),
    'timer:pause': facilitator(OK),
    'timer:resume': facilitator('not_paused'),
    'timer:extend': facilitator(OK),
    tick: TICK,
    'slots:reorder': facilitator(OK),
    'slot:defer': facilitator(OK),
    'break:start': facilitator(WS),
    // Presenting is uninterrupted: listen only.
    'floor:grant': facilitator(WS),
    'queue:remove': facilitator(WS),
    'facilitation:handover': facilitator(OK),
    'hand:raise': member(WS, WS),
    'hand:lower': member(WS, WS),
    'turn:pass': member(WS, WS),
    'bid:place': member(WS, WS),
    // Pat's slot is under way; Mo's is still planned.
    'bid:withdraw': member('no_bid', OK),
    'ready:signal': member(OK, OK),
    'presenting:finish': presenter(OK),
    'offers:choose': presenter('offers_not_allowed'),
    'question:asked': member(WS, WS),
  },
  'exploring, Mo holds the floor': {
    'lobby:open': facilitator(WS),
    'meeting:start': facilitator(WS),
    'meeting:join': rosterAlike(AJ),
    'apologies:send': rosterAlike(AJ),
    'stage:advance': facilitator(OK),
    'stage:back': facilitator(OK),
    'timer:pause': facilitator(OK),
    'timer:resume': facilitator('not_paused'),
    'timer:extend': facilitator(OK),
    tick: TICK,
    'slots:reorder': facilitator(OK),
    'slot:defer': facilitator(OK),
    'break:start': facilitator(WS),
    'floor:grant': facilitator(OK),
    'queue:remove': facilitator(OK),
    'facilitation:handover': facilitator(OK),
    // The presenter answers; they never queue in their own slot.
    'hand:raise': member(RNA, 'already_raised'),
    'hand:lower': member('hand_not_raised', OK),
    'turn:pass': member('not_your_turn', OK),
    'bid:place': member(WS, WS),
    'bid:withdraw': member('no_bid', OK),
    'ready:signal': member(OK, OK),
    'presenting:finish': presenter(WS),
    'offers:choose': presenter('offers_not_allowed'),
    'question:asked': member('not_your_turn', OK),
  },
  'exploring in a time out': {
    'lobby:open': facilitator(WS),
    'meeting:start': facilitator(MP),
    'meeting:join': rosterAlike(AJ),
    'apologies:send': rosterAlike(AJ),
    'stage:advance': facilitator(MP),
    'stage:back': facilitator(MP),
    'timer:pause': facilitator('already_paused'),
    'timer:resume': facilitator(OK),
    'timer:extend': facilitator(OK),
    tick: TICK,
    'slots:reorder': facilitator(OK),
    'slot:defer': facilitator(MP),
    'break:start': facilitator(MP),
    'floor:grant': facilitator(MP),
    'queue:remove': facilitator(MP),
    'facilitation:handover': facilitator(OK),
    'hand:raise': member(MP, MP),
    'hand:lower': member(MP, MP),
    'turn:pass': member(MP, MP),
    'bid:place': member(WS, WS),
    'bid:withdraw': member('no_bid', OK),
    'ready:signal': member(OK, OK),
    'presenting:finish': presenter(MP),
    'offers:choose': presenter('offers_not_allowed'),
    'question:asked': member(MP, MP),
  },
  'Pat’s slot complete': {
    'lobby:open': facilitator(WS),
    'meeting:start': facilitator(WS),
    'meeting:join': rosterAlike(AJ),
    'apologies:send': rosterAlike(AJ),
    'stage:advance': facilitator(OK),
    'stage:back': facilitator(OK),
    'timer:pause': facilitator(OK),
    'timer:resume': facilitator('not_paused'),
    'timer:extend': facilitator('no_deadline'),
    tick: TICK,
    'slots:reorder': facilitator(OK),
    'slot:defer': facilitator(OK),
    'break:start': facilitator(OK),
    'floor:grant': facilitator(WS),
    'queue:remove': facilitator(WS),
    'facilitation:handover': facilitator(OK),
    'hand:raise': member(WS, WS),
    'hand:lower': member(WS, WS),
    'turn:pass': member(WS, WS),
    'bid:place': member(WS, WS),
    'bid:withdraw': member('no_bid', OK),
    'ready:signal': member(OK, OK),
    'presenting:finish': presenter(WS),
    'offers:choose': presenter(WS),
    'question:asked': member(WS, WS),
  },
  closed: Object.fromEntries(
    MEETING_COMMAND_TYPES.map((type) => [
      type,
      type === 'tick'
        ? TICK
        : (['meeting_closed', 'meeting_closed', 'meeting_closed', NM] as const),
    ]),
  ) as Record<MeetingCommandType, Row>,
};
