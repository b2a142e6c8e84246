/** Apologies before a meeting, and the set's attendance record (docs/api.md). */
import { z } from 'zod';
import {
  AttendanceReport,
  EntityId,
  MeetingIndex,
  meetingIdOf,
  MyApologies,
  SendApologiesRequest,
} from '@setboard/shared';
import { refuse } from '../access/errors.js';
import type { SetRecord } from '../access/records.js';
import { attendanceReport } from '../meetings/attendance.js';
import type { ApologyOutcome } from '../meetings/apologies.js';
import { defineRoute } from './route.js';
import type { RouteDeps } from './route-deps.js';

const SetParams = z.object({ setId: EntityId });
const MeetingParams = z.object({
  setId: EntityId,
  meetingIndex: z.coerce.number().pipe(MeetingIndex),
});

function requirePlanned(set: SetRecord | null, meetingIndex: number): SetRecord {
  if (!set?.meetings[meetingIndex]) throw refuse.notFound('That meeting');
  return set;
}

export function attendanceRoutes({ services, year }: RouteDeps) {
  const { apologies, meetings } = year;

  const mine = async (set: SetRecord, personId: string): Promise<MyApologies> => ({
    meetings: await Promise.all(
      set.meetings.map(async (_, meetingIndex) => {
        const entry = (await apologies.of(meetingIdOf(set.id, meetingIndex)))[personId];
        return entry ? { meetingIndex, ...entry } : null;
      }),
    ),
  });
  const settle = async (outcome: ApologyOutcome) => {
    if (!outcome.ok) {
      throw refuse.conflict('The meeting has started. Join it, or tell the facilitator.');
    }
    if (outcome.meetingChange) year.publishMeeting(outcome.meetingChange);
  };

  return [
    defineRoute({
      method: 'get',
      path: '/api/sets/:setId/apologies/mine',
      summary: 'The apologies you have sent for the set’s meetings',
      policy: 'set_member',
      params: SetParams,
      reply: MyApologies,
      handle: async ({ set, person }) => mine(set!, person!.id),
    }),
    defineRoute({
      method: 'post',
      path: '/api/sets/:setId/meetings/:meetingIndex/apologies',
      summary: 'Send apologies for a meeting not yet started, with a message to the facilitator',
      policy: 'set_member',
      params: MeetingParams,
      body: SendApologiesRequest,
      reply: MyApologies,
      handle: async ({ set, person, params, body }) => {
        const planned = requirePlanned(set, params.meetingIndex);
        const outcome = await apologies.send(
          planned.id,
          params.meetingIndex,
          person!.id,
          body.message,
        );
        await settle(outcome);
        await year.apologySent(planned, params.meetingIndex, person!.id);
        await services.audit.record({
          action: 'apologies.sent',
          actorId: person!.id,
          setId: planned.id,
          detail: String(params.meetingIndex),
        });
        return mine(planned, person!.id);
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/api/sets/:setId/meetings/:meetingIndex/apologies',
      summary: 'Withdraw your apologies for a meeting not yet started',
      policy: 'set_member',
      params: MeetingParams,
      reply: MyApologies,
      handle: async ({ set, person, params }) => {
        const planned = requirePlanned(set, params.meetingIndex);
        await settle(await apologies.withdraw(planned.id, params.meetingIndex, person!.id));
        return mine(planned, person!.id);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/sets/:setId/attendance',
      summary: 'Who came to each meeting and each member’s attendance rate (no content)',
      policy: 'set_facilitator_or_organiser',
      params: SetParams,
      reply: AttendanceReport,
      handle: async ({ set, standing }) =>
        attendanceReport({ meetings, apologies }, set!, {
          // The message with an apology is for the facilitator, not the organiser.
          withMessages: standing?.status === 'active' && standing.role === 'facilitator',
        }),
    }),
  ];
}
