/**
 * Running a set's year: where each planned meeting stands, which is next, how the set's
 * lifecycle moves, and which changes to the plan are allowed (docs/set-year.md). The server
 * enforces these; the edit page asks the same functions to explain and lock fields.
 */
import type { MeetingPlan, SetLifecycle } from '../protocol/api/sets.js';

/**
 * Where one planned meeting stands: `planned` (no room yet), `opened` (the facilitator has
 * opened its room; it has not started), `running` (started, not closed) or `held` (closed).
 */
export type MeetingProgress = 'planned' | 'opened' | 'running' | 'held';

/**
 * The index of the next meeting not yet held: one running now, else the first planned or opened
 * meeting dated today or later. Meetings whose date has passed without being held are skipped
 * (the set did not meet in the room that day). Null when the year is over.
 */
export function nextUnheldMeeting(
  meetings: readonly MeetingPlan[],
  progress: readonly MeetingProgress[],
  today: string,
): number | null {
  const running = progress.indexOf('running');
  if (running !== -1) return running;
  const index = meetings.findIndex(
    (meeting, at) => progress[at] !== 'held' && meeting.date >= today,
  );
  return index === -1 ? null : index;
}

/** What each lifecycle state allows (shown on the set page and enforced by the server). */
export const LIFECYCLE_RULES: Record<SetLifecycle, { label: string; allows: string }> = {
  forming: {
    label: 'Forming',
    allows:
      'The organiser and facilitator invite people and check the mix; members may still decline. Everything can be changed. The set becomes active when its first meeting starts.',
  },
  active: {
    label: 'Active',
    allows:
      'The set meets. Dates, places and settings can still change; meetings already opened keep their date and times. The set moves on to closing when its last meeting starts.',
  },
  closing: {
    label: 'Closing',
    allows:
      'The final meeting is under way: objectives are reviewed. The set closes when that meeting ends.',
  },
  closed: {
    label: 'Closed',
    allows:
      'No more meetings, invitations or reminders. Boards stay open to read, and members can still update their actions. The organiser or facilitator can reopen the set.',
  },
};

/** What people do with a set that its lifecycle may forbid. */
export type SetActivity = 'meet' | 'invite' | 'edit';

const ALLOWED: Record<SetLifecycle, readonly SetActivity[]> = {
  forming: ['meet', 'invite', 'edit'],
  active: ['meet', 'invite', 'edit'],
  closing: ['meet', 'invite', 'edit'],
  closed: [],
};

/** Whether a set in `lifecycle` may open a meeting room, invite people or change its plan. */
export function setAllows(lifecycle: SetLifecycle, what: SetActivity): boolean {
  return ALLOWED[lifecycle].includes(what);
}

/**
 * The lifecycle after a meeting starts or closes: the first meeting to start makes a forming set
 * active, the last meeting starting makes it closing, and the last meeting closing closes it.
 * A set closed by hand stays closed.
 */
export function lifecycleAfterMeeting(
  current: SetLifecycle,
  meeting: { index: number; count: number; event: 'started' | 'closed' },
): SetLifecycle {
  if (current === 'closed') return current;
  const isLast = meeting.index === meeting.count - 1;
  if (meeting.event === 'closed') return isLast ? 'closed' : current;
  return isLast ? 'closing' : current === 'forming' ? 'active' : current;
}

/** Why a change of lifecycle by hand is refused, or null when it is allowed. */
export function lifecycleChangeRefusal(
  from: SetLifecycle,
  to: SetLifecycle,
  progress: readonly MeetingProgress[],
): string | null {
  if (from === to) return null;
  if (progress.includes('running')) {
    return 'A meeting is running: change the set’s state once it has ended.';
  }
  const anyHeld = progress.includes('held');
  if (to === 'closed') return null;
  if (from !== 'closed') {
    return 'A set becomes active and closing by itself as its meetings start. You can close it by hand.';
  }
  // Reopening: to where the meetings say the set is.
  const expected = anyHeld ? 'active' : 'forming';
  return to === expected
    ? null
    : `Reopened, this set is ${expected === 'active' ? 'active' : 'forming'}.`;
}

/** A problem with a changed plan, on the field it concerns (`meetings.2.date`). */
export interface PlanIssue {
  path: string;
  message: string;
}

/**
 * Checks a changed plan against the meetings as they stand: meetings keep their order (each
 * after the one before, so meeting numbers never change under anyone); a meeting whose room has
 * been opened keeps its date and times (the room runs on them) and cannot be removed; only
 * meetings not yet opened can be removed, from the end.
 */
export function planChangeIssues(
  before: readonly MeetingPlan[],
  after: readonly MeetingPlan[],
  progress: readonly MeetingProgress[],
): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const lastOpened = progress.reduce(
    (last, state, index) => (state === 'planned' ? last : index),
    -1,
  );
  if (after.length <= lastOpened) {
    issues.push({
      path: 'meetings',
      message: `Meeting ${lastOpened + 1} has been opened, so it cannot be removed.`,
    });
  }
  after.forEach((meeting, index) => {
    const old = before[index];
    const opened = (progress[index] ?? 'planned') !== 'planned';
    if (opened && old) {
      for (const field of ['date', 'startTime', 'endTime'] as const) {
        if (meeting[field] !== old[field]) {
          issues.push({
            path: `meetings.${index}.${field}`,
            message: `Meeting ${index + 1}’s room has been opened, so its date and times cannot change.`,
          });
        }
      }
    }
    const previous = after[index - 1];
    if (previous && meeting.date <= previous.date) {
      issues.push({
        path: `meetings.${index}.date`,
        message: `Meeting ${index + 1} must be after meeting ${index}`,
      });
    }
  });
  return issues;
}
