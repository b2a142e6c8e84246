/** Builds a meeting's first state from the set's roster, settings and plan. */
import { z } from 'zod';
import {
  type AttendanceEntry,
  MeetingSettings,
  type MeetingState,
  Participant,
  PersonRef,
} from './meeting-state.js';
import { MeetingTimings, minutesToMs } from './timings.js';

/** A slot deferred from the previous meeting, carried into this one's plan. */
export const CarriedSlot = z.object({
  presenterId: PersonRef,
  synopsis: z.string().max(200).default(''),
  minutes: z.number().int().min(1).max(120),
  /** The slot it was deferred from, whose board goes with it. */
  fromSlotId: z.string().max(64).nullable().default(null),
});
export type CarriedSlot = z.input<typeof CarriedSlot>;

/** What the server knows about a meeting before it opens. */
export const MeetingSetup = z
  .object({
    meetingId: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/),
    meetingNumber: z.number().int().min(1),
    startsAt: z.number(),
    roster: z.array(Participant).min(1),
    settings: MeetingSettings.default(MeetingSettings.parse({})),
    timings: MeetingTimings.default(MeetingTimings.parse({})),
    facilitatorTakesPart: z.boolean().default(false),
    /** Apologies sent before the meeting existed as live state. */
    apologies: z.array(PersonRef).default([]),
    carriedOver: z.array(CarriedSlot).default([]),
  })
  .refine((setup) => setup.roster.filter((entry) => entry.role === 'facilitator').length === 1, {
    message: 'A meeting needs exactly one facilitator',
    path: ['roster'],
  });
export type MeetingSetup = z.input<typeof MeetingSetup>;

/** The state of a meeting that has not opened yet. Throws a ZodError on an invalid setup. */
export function createMeetingState(input: MeetingSetup): MeetingState {
  const setup = MeetingSetup.parse(input);
  const facilitatorId = setup.roster.find((entry) => entry.role === 'facilitator')!.personId;
  const attendance: Record<string, AttendanceEntry> = {};
  for (const { personId } of setup.roster) {
    const apologised = setup.apologies.includes(personId);
    attendance[personId] = {
      status: apologised ? 'apologies' : 'expected',
      joinedAt: null,
      away: false,
      gaps: [],
    };
  }
  const slots = setup.carriedOver.map((carried, index) => ({
    id: `${setup.meetingId}-s${index + 1}`,
    presenterId: carried.presenterId,
    synopsis: carried.synopsis,
    minutes: carried.minutes,
    status: 'planned' as const,
    stage: null,
    offersOptIn: false,
    carriedFrom: carried.fromSlotId,
    cutMinutes: 0,
  }));
  return {
    meetingId: setup.meetingId,
    meetingNumber: setup.meetingNumber,
    settings: setup.settings,
    timings: setup.timings,
    roster: setup.roster,
    facilitatorId,
    actingFacilitatorId: facilitatorId,
    facilitatorTakesPart: setup.facilitatorTakesPart,
    lobbyOpensAt: setup.startsAt - minutesToMs(setup.timings.lobbyMinutesBefore),
    phase: 'scheduled',
    currentSlotId: null,
    slots,
    nextSlotNumber: slots.length + 1,
    overrunMinutes: 0,
    round: null,
    queue: { hands: [], floor: null, turnsHere: {} },
    timer: null,
    pausedAt: null,
    ready: [],
    attendance,
    airtime: { byPersonMs: {}, unattributedMs: 0, accruedTo: null, speakerId: null },
    history: [],
    startedAt: null,
    belowQuorumStart: null,
    questionsAsked: 0,
    closedAt: null,
  };
}
