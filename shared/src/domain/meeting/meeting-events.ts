/**
 * Facts the reducer reports alongside a new state, in the past tense. The server broadcasts the
 * state; events drive announcements ("your turn", time warnings) and the audit trail.
 */
import type { AttendanceStatus, MeetingPhase, SlotStage } from './meeting-state.js';

/** Who or what moved the meeting on (`roster`: the presenter left the set). */
export type MoveCause = 'facilitator' | 'presenter' | 'member' | 'clock' | 'roster';

export type MeetingEvent =
  | { type: 'lobby:opened' }
  /** `belowQuorum`: the facilitator started without a quorum, for this reason. */
  | { type: 'meeting:started'; belowQuorum?: string }
  | { type: 'participant:joined'; personId: string; status: AttendanceStatus }
  /** Someone who joined is no longer connected, or is connected again (M13). */
  | { type: 'participant:left'; personId: string }
  | { type: 'participant:back'; personId: string }
  | { type: 'apologies:sent'; personId: string }
  | { type: 'apologies:withdrawn'; personId: string }
  /** The set's membership changed: who joined the roster and who left it (`roster:sync`). */
  | { type: 'roster:changed'; added: string[]; removed: string[] }
  | {
      type: 'position:changed';
      phase: MeetingPhase;
      slotId: string | null;
      stage: SlotStage | null;
      turnHolderId: string | null;
      cause: MoveCause;
    }
  | { type: 'timer:paused'; remainderMs: number | null }
  | { type: 'timer:resumed'; endsAt: number | null }
  | { type: 'timer:extended'; addedMs: number; endsAt: number | null; remainderMs: number | null }
  /** Time added now was taken from later slots: each one's cut and its new length. */
  | {
      type: 'slots:shortened';
      slots: Array<{ slotId: string; byMinutes: number; minutes: number }>;
    }
  /** Time added now that later slots could not give: the meeting runs over by `totalMinutes`. */
  | { type: 'meeting:overran'; minutes: number; totalMinutes: number }
  | { type: 'time:warning'; remainingMs: number }
  | { type: 'time:up' }
  | { type: 'hand:raised'; personId: string }
  | { type: 'hand:lowered'; personId: string }
  /** Clarifying became exploring: these raised hands stay up, in order. */
  | { type: 'hands:carried'; personIds: string[] }
  | { type: 'floor:granted'; personId: string }
  | { type: 'floor:released'; personId: string }
  /** `questions`: the floor holder's count so far; null when asked without the floor (open queue). */
  | { type: 'question:counted'; personId: string; questions: number | null }
  | { type: 'bid:placed'; slotId: string; personId: string }
  | { type: 'bid:withdrawn'; slotId: string; personId: string }
  | { type: 'slots:reordered'; slotIds: string[] }
  | { type: 'slot:deferred'; slotId: string; presenterId: string }
  | { type: 'break:started'; minutes: number }
  | { type: 'facilitation:handed_over'; fromId: string; toId: string }
  | { type: 'ready:signalled'; personId: string }
  | { type: 'offers:chosen'; optIn: boolean }
  | { type: 'meeting:closed' };

export type MeetingEventType = MeetingEvent['type'];
