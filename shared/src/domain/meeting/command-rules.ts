/**
 * Who may issue each command, whether they must have joined, and whether it works during a time
 * out. The reducer checks these in one fixed order before any command-specific rule, so a
 * refusal's code is predictable: not a member → meeting closed → role → not joined → paused.
 */
import type { MeetingCommandType } from './meeting-commands.js';
import { MeetingErrorCode } from './meeting-errors.js';
import type { MeetingState } from './meeting-state.js';
import { isOnRoster, roleOf, takesPart } from './roles.js';

/**
 * Who a command is for. "Member" means anyone on the roster who is not facilitating now;
 * "server" means the server itself (no person), like the clock.
 */
export type CommandIssuer =
  | 'anyone'
  | 'server'
  | 'roster'
  | 'facilitator'
  | 'facilitator_or_appointed'
  | 'presenter'
  | 'member'
  | 'member_or_participating_facilitator'
  | 'member_or_questioning_facilitator';

export interface CommandRule {
  issuer: CommandIssuer;
  mustHaveJoined: boolean;
  duringTimeOut: boolean;
}

const rule = (issuer: CommandIssuer, mustHaveJoined: boolean, duringTimeOut: boolean) => ({
  issuer,
  mustHaveJoined,
  duringTimeOut,
});

/** The rules, one per command. */
export const COMMAND_RULES: Record<MeetingCommandType, CommandRule> = {
  'lobby:open': rule('facilitator', false, true),
  'meeting:start': rule('facilitator', true, false),
  'meeting:join': rule('roster', false, true),
  'apologies:send': rule('roster', false, true),
  'apologies:withdraw': rule('roster', false, true),
  'stage:advance': rule('facilitator', true, false),
  'stage:back': rule('facilitator', true, false),
  'timer:pause': rule('facilitator', true, true),
  'timer:resume': rule('facilitator', true, true),
  'timer:extend': rule('facilitator', true, true),
  tick: rule('anyone', false, true),
  'roster:sync': rule('server', false, true),
  'slots:reorder': rule('facilitator', true, true),
  'slot:defer': rule('facilitator', true, false),
  'break:start': rule('facilitator', true, false),
  'floor:grant': rule('facilitator', true, false),
  'queue:remove': rule('facilitator', true, false),
  'facilitation:handover': rule('facilitator_or_appointed', true, true),
  'hand:raise': rule('member_or_questioning_facilitator', true, false),
  'hand:lower': rule('member_or_questioning_facilitator', true, false),
  'turn:pass': rule('member_or_participating_facilitator', true, false),
  'bid:place': rule('member_or_participating_facilitator', true, true),
  'bid:withdraw': rule('member_or_participating_facilitator', true, true),
  'ready:signal': rule('member', true, true),
  'presenting:finish': rule('presenter', true, false),
  'offers:choose': rule('presenter', true, true),
  'question:asked': rule('member_or_questioning_facilitator', true, false),
  'presence:left': rule('server', false, true),
  'presence:back': rule('server', false, true),
};

function checkIssuer(state: MeetingState, issuer: CommandIssuer, personId: string) {
  const role = roleOf(state, personId);
  switch (issuer) {
    case 'facilitator':
      return role === 'facilitator' ? undefined : MeetingErrorCode.notFacilitator;
    case 'facilitator_or_appointed':
      return role === 'facilitator' || personId === state.facilitatorId
        ? undefined
        : MeetingErrorCode.notFacilitator;
    case 'presenter':
      return role === 'presenter' ? undefined : MeetingErrorCode.notPresenter;
    case 'member':
      return role === 'facilitator' ? MeetingErrorCode.roleNotAllowed : undefined;
    case 'member_or_participating_facilitator':
      return role !== 'facilitator' || takesPart(state, personId)
        ? undefined
        : MeetingErrorCode.roleNotAllowed;
    case 'member_or_questioning_facilitator':
      return role !== 'facilitator' || state.settings.facilitatorAsksContentQuestions
        ? undefined
        : MeetingErrorCode.roleNotAllowed;
    default:
      return undefined;
  }
}

function hasJoinedMeeting(state: MeetingState, personId: string): boolean {
  const status = state.attendance[personId]?.status;
  return status === 'present' || status === 'late';
}

/** The first general rule the command breaks, or undefined when it may go to its handler. */
export function checkCommandRule(
  state: MeetingState,
  type: MeetingCommandType,
  personId: string | null,
): MeetingErrorCode | undefined {
  const { issuer, mustHaveJoined, duringTimeOut } = COMMAND_RULES[type];
  if (issuer === 'anyone') return undefined;
  if (issuer === 'server') return personId === null ? undefined : MeetingErrorCode.roleNotAllowed;
  if (!isOnRoster(state, personId)) return MeetingErrorCode.notAMember;
  if (state.phase === 'closed') return MeetingErrorCode.meetingClosed;
  const refusal = checkIssuer(state, issuer, personId);
  if (refusal) return refusal;
  if (mustHaveJoined && !hasJoinedMeeting(state, personId)) return MeetingErrorCode.notJoined;
  if (!duringTimeOut && state.pausedAt !== null) return MeetingErrorCode.meetingPaused;
  return undefined;
}
