/**
 * The meeting and slot state machines (docs/domain.md, "A meeting"; docs/architecture.md, "Live
 * meetings"): one pure reducer, its commands, state, events and codes, and read-only helpers
 * for showing the state. Command handlers stay private: everything goes through the reducer.
 */
export {
  SLOT_STAGES,
  durationMsOf,
  nextPosition,
  offersRoundApplies,
  positionOf,
} from './agenda.js';
export { airtimeTotals, speakerOf } from './airtime.js';
export { allowedCommands, canIssue, probeCommands } from './allowed-commands.js';
export { COMMAND_RULES, type CommandIssuer, type CommandRule } from './command-rules.js';
export { CarriedSlot, MeetingSetup, createMeetingState } from './create-meeting.js';
export { hasQuorum, presentCount } from './lobby.js';
export * from './meeting-commands.js';
export * from './meeting-errors.js';
export * from './meeting-events.js';
export * from './meeting-state.js';
export {
  QUESTION_STAGES,
  QUESTIONS_PER_FLOOR,
  QUEUE_STAGES,
  mayHoldFloor,
  nextHand,
  queueIsOpen,
} from './queue.js';
export { SHORTEST_SLOT_MINUTES, slotsAhead } from './overrun.js';
export { isHere } from './presence.js';
export { reduceMeeting, type MeetingResult } from './reducer.js';
export {
  meetingSchedule,
  plannedStartOf,
  type MeetingSchedule,
  type ScheduledPart,
} from './schedule.js';
export * from './roles.js';
export { ROUND_PHASES, roundOrder, turnHolderId } from './rounds.js';
export { remainingMs } from './timer.js';
export * from './timings.js';
