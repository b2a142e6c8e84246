/**
 * Why a control is unavailable, in a few plain words. The shared reducer decides (`canIssue`)
 * and names its refusal with a `MeetingErrorCode`; this turns the code, the command and the
 * meeting as it is into a sentence shown next to the control (and tied to it with
 * `aria-describedby`), so nobody has to guess why a button does nothing.
 */
import {
  type MeetingCommand,
  type MeetingCommandType,
  type MeetingErrorCode,
  type MeetingState,
  canIssue,
  currentPresenterId,
  presentCount,
  turnHolderId,
} from '@setboard/shared';

/** Whether a control may be used now, and if not, why. */
export type ControlStatus = { enabled: true } | { enabled: false; reason: string };

export interface ReasonContext {
  state: MeetingState;
  selfId: string;
  nameOf: (personId: string) => string;
}

type Explain = (command: MeetingCommand, context: ReasonContext) => string;

const NOT_STARTED = 'Only once the meeting has started.';
const PLANNING = 'Only during bidding, the presenter slots and breaks.';
const QUEUE_CLOSED =
  'Hands go up only in open discussions and the question stages, not while someone presents.';

/**
 * "Wrong stage" means something different for every command: say what stage it needs. The
 * server's own commands (the clock, roster changes) never come from a person's control.
 */
const WRONG_STAGE: Partial<Record<MeetingCommandType, (state: MeetingState) => string>> = {
  'lobby:open': () => 'The lobby is already open.',
  'meeting:start': (state) =>
    state.phase === 'scheduled' ? 'Open the lobby first.' : 'The meeting has already started.',
  'meeting:join': () => 'The lobby is not open yet.',
  'apologies:send': () => 'The meeting has closed.',
  'apologies:withdraw': () => 'The meeting has started: join it instead.',
  'stage:advance': (state) => (state.phase === 'lobby' ? 'Start the meeting first.' : NOT_STARTED),
  'stage:back': () => NOT_STARTED,
  'timer:pause': () => NOT_STARTED,
  'timer:resume': () => NOT_STARTED,
  'timer:extend': () => NOT_STARTED,
  'slots:reorder': () => PLANNING,
  'slot:defer': () => PLANNING,
  'break:start': (state) => {
    if (state.phase === 'break') return 'The break has started.';
    return currentPresenterId(state)
      ? 'A break can start once this presenter’s slot is complete.'
      : 'A break starts between presenters’ slots, once a slot is complete.';
  },
  'floor:grant': () => QUEUE_CLOSED,
  'queue:remove': () => QUEUE_CLOSED,
  'facilitation:handover': () => 'Only once the lobby is open.',
  'hand:raise': () => QUEUE_CLOSED,
  'hand:lower': () => QUEUE_CLOSED,
  'turn:pass': () => 'Nobody is taking turns or holding the floor now.',
  'bid:place': () => 'Bids are placed during bidding for airtime.',
  'bid:withdraw': () => PLANNING,
  'ready:signal': () => NOT_STARTED,
  'presenting:finish': () => 'Only while you are presenting.',
  'offers:choose': () => 'The presenter chooses before action planning starts.',
  'question:asked': () => 'Only in the question stages.',
};

function targetOf(command: MeetingCommand): string | null {
  return 'personId' in command ? command.personId : null;
}

/** "1 is here", "3 are here". */
function hereCount(count: number): string {
  return `${count} ${count === 1 ? 'is' : 'are'} here`;
}

function roleNotAllowed(command: MeetingCommand, { state, selfId }: ReasonContext): string {
  const facilitating = state.actingFacilitatorId === selfId;
  switch (command.type) {
    case 'hand:raise':
    case 'hand:lower':
    case 'question:asked':
      if (selfId === currentPresenterId(state)) return 'The presenter answers; the set asks.';
      return facilitating
        ? 'The facilitator does not ask questions in this set.'
        : 'You cannot ask questions now.';
    case 'bid:place':
    case 'bid:withdraw':
    case 'turn:pass':
      return facilitating
        ? 'The facilitator does not take part as a member in this set.'
        : 'Only members who take part can do this.';
    case 'ready:signal':
      return 'The facilitator moves the meeting on instead.';
    default:
      return 'Your role in this meeting does not include this.';
  }
}

function notYourTurn(command: MeetingCommand, { state, nameOf }: ReasonContext): string {
  const turn = turnHolderId(state);
  if (turn) return `It is ${nameOf(turn)}’s turn.`;
  return command.type === 'question:asked'
    ? 'Only the person with the floor puts a question.'
    : 'You do not have the floor.';
}

function invalidPerson(command: MeetingCommand, { state, nameOf }: ReasonContext): string {
  const target = targetOf(command);
  if (!target) return 'That person cannot do this now.';
  const status = state.attendance[target]?.status;
  const name = nameOf(target);
  if (status !== 'present' && status !== 'late') return `${name} has not joined the meeting.`;
  if (command.type === 'facilitation:handover' && target === state.actingFacilitatorId)
    return `${name} already facilitates.`;
  return `${name} cannot have the floor now.`;
}

/** Going back never leaves the slot under way, nor undoes a start or a break: say which. */
function nothingToGoBackTo(state: MeetingState): string {
  switch (state.phase) {
    case 'opening':
      return 'The meeting has just started: there is nothing before this.';
    case 'slot':
      return 'This is the start of this presenter’s slot: going back stops here.';
    case 'break':
      return 'A break cannot be undone: move on when the set is ready.';
    case 'process_review':
    case 'closing':
      return 'The presenters’ slots have ended: going back stops here.';
    default:
      return 'There is no earlier stage to go back to.';
  }
}

const EXPLAIN: Record<MeetingErrorCode, Explain> = {
  not_a_member: () => 'Only members of this set take part in its meetings.',
  not_facilitator: () => 'Only the facilitator can do this.',
  not_presenter: () => 'Only the presenter can do this.',
  role_not_allowed: roleNotAllowed,
  not_joined: (_command, { state }) =>
    state.phase === 'scheduled' ? 'The lobby is not open yet.' : 'Join the meeting first.',
  meeting_closed: () => 'The meeting has closed.',
  meeting_paused: (_command, { state, selfId }) =>
    state.actingFacilitatorId === selfId
      ? 'Not during a time out: resume the meeting first.'
      : 'Not during a time out: wait for the facilitator to resume.',
  not_paused: () => 'Only during a time out.',
  already_paused: () => 'The meeting is already in a time out.',
  wrong_stage: (command, { state }) =>
    WRONG_STAGE[command.type]?.(state) ?? 'That is not part of the current stage.',
  no_quorum: (_command, { state }) =>
    `Start needs ${state.settings.quorum} members present (the set’s quorum); ${hereCount(presentCount(state))}.`,
  already_joined: () => 'You have joined.',
  already_apologised: () => 'You have sent your apologies.',
  no_apologies: () => 'You have not sent apologies.',
  not_your_turn: notYourTurn,
  already_raised: () => 'Your hand is already up.',
  hand_not_raised: (command, { nameOf }) => {
    const target = targetOf(command);
    return target ? `${nameOf(target)} has no hand up.` : 'Your hand is not up.';
  },
  already_has_floor: (command, { nameOf }) => {
    const target = targetOf(command);
    return target ? `${nameOf(target)} has the floor already.` : 'They have the floor already.';
  },
  already_ready: () => 'You have said you are ready to move on.',
  invalid_person: invalidPerson,
  unknown_slot: () => 'That slot is not part of this meeting.',
  slot_finished: () => 'That slot has finished or been deferred.',
  invalid_order: () => 'The new order must list every planned slot once.',
  no_bid: () => 'You have no bid to withdraw.',
  no_deadline: () => 'Nothing is being timed now.',
  nothing_to_go_back_to: (_command, { state }) => nothingToGoBackTo(state),
  handover_required: () => 'You present next: hand facilitation to someone else first.',
  facilitator_presenting: (command, { nameOf }) => {
    const target = targetOf(command);
    return target
      ? `${nameOf(target)} is presenting and cannot facilitate their own slot.`
      : 'The presenter cannot facilitate their own slot.';
  },
  offers_not_allowed: () => 'The set’s ground rules do not include an offers round.',
};

/** A short sentence saying why the reducer refused `command` with `code`. */
export function reasonFor(
  command: MeetingCommand,
  code: MeetingErrorCode,
  context: ReasonContext,
): string {
  return EXPLAIN[code](command, context);
}

/** Asks the shared reducer whether `command` would be accepted from this person at `now`. */
export function controlStatus(
  command: MeetingCommand,
  context: ReasonContext,
  now: number,
): ControlStatus {
  const actor = { personId: context.selfId, isOrganiser: false };
  const result = canIssue(command, context.state, actor, now);
  return result.ok
    ? { enabled: true }
    : { enabled: false, reason: reasonFor(command, result.code, context) };
}
