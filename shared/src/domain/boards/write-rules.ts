/**
 * Who may write each section of a board, and when (docs/protocol.md, rules W0–W14). The server's
 * write gate asks `mayWrite` for every section an incoming Yjs update touches; the client asks the
 * same function to lock fields, so a field is never editable on screen but refused by the server.
 */
import type { DocKind } from '../../protocol/doc-names.js';
import type { SetRole, SetSettings } from '../../protocol/api/sets.js';
import type { MeetingPhase, MeetingState, Slot } from '../meeting/meeting-state.js';
import { isLive } from '../meeting/roles.js';
import { mayChangeAction } from './action-rules.js';
import { meetingIdOfSlot, type BoardSection } from './board-sections.js';

/** Everything the rules need to know about one write. */
export interface BoardWriteContext {
  kind: DocKind;
  /** The id part of the doc name (set id, meeting id, slot id, log owner's person id). */
  docId: string;
  personId: string;
  /** The writer's role in the set (null for docs that belong to no set). */
  setRole: SetRole | null;
  /**
   * The meeting that governs the doc: the meeting itself (meeting docs), the meeting holding the
   * slot (slot docs), the set's live meeting if one is running (set docs: looked up only when a
   * section needs it, `setSectionNeedsMeeting`); null when none.
   */
  meeting: MeetingState | null;
  /** Used only when `meeting` is null (its settings win otherwise). */
  notesPolicy: SetSettings['notesPolicy'];
}

export type WriteRuleId =
  | 'W0'
  | 'W1'
  | 'W2'
  | 'W3'
  | 'W4'
  | 'W5'
  | 'W6'
  | 'W7'
  | 'W8'
  | 'W9'
  | 'W10'
  | 'W11'
  | 'W12'
  | 'W13'
  | 'W14';

export type WriteVerdict =
  { allowed: true; rule: WriteRuleId } | { allowed: false; rule: WriteRuleId; reason: string };

const allow = (rule: WriteRuleId): WriteVerdict => ({ allowed: true, rule });
const refuse = (rule: WriteRuleId, reason: string): WriteVerdict => ({
  allowed: false,
  rule,
  reason,
});
const when = (rule: WriteRuleId, ok: boolean, reason: string): WriteVerdict =>
  ok ? allow(rule) : refuse(rule, reason);

/** The slot a slot doc is for, found in its meeting's state. */
function slotOf(context: BoardWriteContext): Slot | null {
  if (context.kind !== 'slot' || !context.meeting) return null;
  if (meetingIdOfSlot(context.docId) !== context.meeting.meetingId) return null;
  return context.meeting.slots.find((slot) => slot.id === context.docId) ?? null;
}

function livePhase(context: BoardWriteContext): MeetingPhase | null {
  const { meeting } = context;
  return meeting && isLive(meeting) ? meeting.phase : null;
}

/** The person facilitating now: the acting facilitator in a live meeting, else the set's. */
function facilitates(context: BoardWriteContext): boolean {
  const { meeting } = context;
  if (meeting && isLive(meeting)) return meeting.actingFacilitatorId === context.personId;
  return context.setRole === 'facilitator';
}

/** In a round (expectations or check-in), whether it is the writer's turn now. */
function onTurnIn(context: BoardWriteContext, phase: MeetingPhase): boolean {
  const { meeting } = context;
  if (!meeting || meeting.phase !== phase || !meeting.round) return false;
  return meeting.round.order[meeting.round.index] === context.personId;
}

/** A member's own card in a round: on their turn while the meeting runs, freely otherwise. */
function ownRoundCard(
  context: BoardWriteContext,
  owner: string | null,
  rule: WriteRuleId,
  phase: MeetingPhase,
  what: string,
): WriteVerdict {
  if (owner !== context.personId) return refuse(rule, `Each member writes only their own ${what}.`);
  if (livePhase(context) === null) return allow(rule);
  return when(rule, onTurnIn(context, phase), `You can write your ${what} during your turn.`);
}

function slotRule(context: BoardWriteContext, section: BoardSection): WriteVerdict {
  const slot = slotOf(context);
  if (!slot) return refuse('W0', 'This slot is not part of a meeting you can write to.');
  const isPresenter = slot.presenterId === context.personId;
  switch (section.root) {
    case 'issueStatement':
    case 'desiredOutcome':
      return when(
        'W1',
        isPresenter,
        'Only the presenter writes their issue and the outcome wanted.',
      );
    case 'actions':
      return when(
        'W2',
        mayChangeAction(slot, context.personId),
        'Actions are the presenter’s alone.',
      );
    case 'questions':
      return refuse('W3', 'Questions are put with “Ask”, so the set sees who asked and when.');
    case 'reflections': {
      if (section.key !== context.personId)
        return refuse('W4', 'Each person writes only their own reflections.');
      const reflecting =
        livePhase(context) === null ||
        (context.meeting?.currentSlotId === slot.id && slot.stage === 'reflecting_back');
      return when('W4', reflecting, 'Reflections are written during reflecting back.');
    }
    case 'summary': {
      const policy = context.meeting?.settings.notesPolicy ?? context.notesPolicy;
      if (policy === 'open') return allow('W5');
      if (policy === 'scribe_for_presenter' && facilitates(context)) return allow('W5');
      return when('W5', isPresenter, 'The presenter keeps the summary of their slot.');
    }
    default:
      return refuse('W0', 'This part of the board cannot be written.');
  }
}

function meetingRule(context: BoardWriteContext, section: BoardSection): WriteVerdict {
  switch (section.root) {
    case 'expectations':
      return ownRoundCard(context, section.key, 'W6', 'expectations_round', 'expectations card');
    case 'reportBack':
      return ownRoundCard(context, section.key, 'W7', 'check_in', 'report-back');
    case 'processReview': {
      const phase = livePhase(context);
      const reviewing = phase === 'process_review' || phase === 'closing';
      return when(
        'W8',
        reviewing || facilitates(context),
        'The set writes process review notes during the process review.',
      );
    }
    default:
      return refuse('W0', 'This part of the board cannot be written.');
  }
}

/** Set-board roots whose rule asks which meeting is running (W9, W11); the rest never do. */
const SET_ROOTS_RULED_BY_MEETING = new Set(['groundRules', 'contractVersions', 'setObjectives']);

/**
 * Whether writing `section` of a set board depends on the set's running meeting, so the server
 * need not look for one on every keystroke in the shared notes or someone's own objectives.
 */
export function setSectionNeedsMeeting(section: BoardSection): boolean {
  return SET_ROOTS_RULED_BY_MEETING.has(section.root);
}

const GROUND_RULE_PHASES: readonly MeetingPhase[] = ['contracting', 'opening', 'process_review'];
const SET_OBJECTIVE_PHASES: readonly MeetingPhase[] = [
  'objectives',
  'check_in',
  'process_review',
  'closing',
];

function setRule(context: BoardWriteContext, section: BoardSection): WriteVerdict {
  const phase = livePhase(context);
  switch (section.root) {
    case 'notes':
      return allow('W14');
    case 'groundRules':
    case 'contractVersions':
      return when(
        'W9',
        facilitates(context) && phase !== null && GROUND_RULE_PHASES.includes(phase),
        'The facilitator writes the ground rules during contracting or the process review.',
      );
    case 'agreements':
      return when('W10', section.key === context.personId, 'Each member agrees for themselves.');
    case 'setObjectives':
      return when(
        'W11',
        phase !== null && SET_OBJECTIVE_PHASES.includes(phase),
        'The set writes its objectives together during the objectives stage or a review.',
      );
    case 'personalObjectives':
      return when(
        'W12',
        section.key === context.personId,
        'Each member writes only their own objectives.',
      );
    default:
      return refuse('W0', 'This part of the board cannot be written.');
  }
}

/** The learning log's roots: its dated entries, their prose, and the earlier single box. */
const LOG_ROOTS = new Set(['entries', 'logEntries', 'entry']);

/** Whether `context.personId` may write `section` of the doc now. */
export function mayWrite(context: BoardWriteContext, section: BoardSection): WriteVerdict {
  switch (context.kind) {
    case 'slot':
      return slotRule(context, section);
    case 'meeting':
      return meetingRule(context, section);
    case 'set':
      return setRule(context, section);
    case 'log':
      return when(
        'W13',
        LOG_ROOTS.has(section.root) && context.docId === context.personId,
        'A learning log is written only by its owner.',
      );
  }
}

/**
 * Who may rebuild a board (docs/protocol.md Y22): the set's facilitator, or a learning log's
 * owner. Rebuilding closes everyone's pages, so it is theirs, not every writer's.
 */
export function mayRebuildBoard(
  context: Pick<BoardWriteContext, 'kind' | 'docId' | 'personId' | 'setRole'>,
): boolean {
  return context.kind === 'log'
    ? context.docId === context.personId
    : context.setRole === 'facilitator';
}
