/**
 * The access policy of every Socket.IO command. A `Record` over every command name, so a command
 * without a policy does not compile; the authorisation matrix test [AT-B1] checks each is enforced.
 * A command with a set policy also says how to find its set in the payload (`CommandSetScopes`).
 */
import { z } from 'zod';
import {
  AccessPolicy,
  EntityId,
  MeetingId,
  meetingIdOfSlot,
  parseMeetingId,
  type CommandName,
} from '@setboard/shared';

export const CommandPolicies: Record<CommandName, AccessPolicy> = {
  'clock:sync': AccessPolicy.signedIn,
  'meeting:open': AccessPolicy.setFacilitator,
  'meeting:subscribe': AccessPolicy.setMember,
  // Set membership only: the meeting reducer decides what each role may do.
  'meeting:command': AccessPolicy.setMember,
  // Set membership only: the question service checks the meeting, author and presenter.
  'question:ask': AccessPolicy.setMember,
  'question:edit': AccessPolicy.setMember,
  'question:withdraw': AccessPolicy.setMember,
  'question:mark-helped': AccessPolicy.setMember,
  'question:delete': AccessPolicy.setMember,
  'slot:clear-record': AccessPolicy.setMember,
};

/** Reads the set a payload is about, or null when the payload names none. */
export type SetScope = (payload: unknown) => string | null;

const NamesSet = z.object({ setId: EntityId });
const NamesMeeting = z.object({ meetingId: MeetingId });

/** The payload's `setId`. */
const bySetId: SetScope = (payload) => {
  const parsed = NamesSet.safeParse(payload);
  return parsed.success ? parsed.data.setId : null;
};

/** The set of the payload's `meetingId` (a meeting id names its set). */
const byMeetingId: SetScope = (payload) => {
  const parsed = NamesMeeting.safeParse(payload);
  return parsed.success ? (parseMeetingId(parsed.data.meetingId)?.setId ?? null) : null;
};

const NamesSlot = z.object({ slotId: z.string() });

/** The set of the payload's `slotId` (a slot id names its meeting, which names its set). */
const bySlotId: SetScope = (payload) => {
  const parsed = NamesSlot.safeParse(payload);
  const meetingId = parsed.success ? meetingIdOfSlot(parsed.data.slotId) : null;
  return meetingId ? (parseMeetingId(meetingId)?.setId ?? null) : null;
};

/** How each set-scoped command names its set. */
export const CommandSetScopes: Partial<Record<CommandName, SetScope>> = {
  'meeting:open': bySetId,
  'meeting:subscribe': byMeetingId,
  'meeting:command': byMeetingId,
  'question:ask': bySlotId,
  'question:edit': bySlotId,
  'question:withdraw': bySlotId,
  'question:mark-helped': bySlotId,
  'question:delete': bySlotId,
  'slot:clear-record': bySlotId,
};
