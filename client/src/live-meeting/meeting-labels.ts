/** The words people see for the meeting's phases and slot stages (British English). */
import type { MeetingPhase, SlotStage } from '@setboard/shared';

export const PHASE_LABELS: Record<MeetingPhase, string> = {
  scheduled: 'Not started yet',
  lobby: 'Lobby',
  opening: 'Opening',
  contracting: 'Agreeing our ground rules',
  expectations_round: 'Expectations round',
  objectives: 'Objectives',
  check_in: 'Check-in and report-back',
  bidding: 'Bidding for airtime',
  slot: 'Presenter slot',
  break: 'Break',
  process_review: 'Process review',
  closing: 'Closing',
  closed: 'Closed',
};

export const STAGE_LABELS: Record<SlotStage, string> = {
  contracting: 'Contracting',
  presenting: 'Presenting',
  clarifying: 'Clarifying questions',
  exploring: 'Exploring with open questions',
  reflecting_back: 'Reflecting back',
  offers: 'Offers round',
  action_planning: 'Action planning',
  presenter_feedback: 'Presenter feedback',
  complete: 'Complete',
};

export const ATTENDANCE_LABELS = {
  expected: 'Not joined yet',
  present: 'Present',
  late: 'Joined late',
  apologies: 'Sent apologies',
  absent: 'Absent',
} as const;
