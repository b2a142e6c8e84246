/**
 * Apologies sent before a meeting (docs/set-year.md). A meeting that has not been opened has no
 * live state, so apologies are kept in the set's own records — collection `apologies`, one
 * record per planned meeting, `{ entries: { [personId]: { message, sentAt } } }` — and the
 * meeting takes them into its attendance when it opens (`MeetingSetup.apologies`). Once it is
 * open, each change is also applied to the live meeting (`apologies:send` / `apologies:withdraw`
 * as that person), so the room and the records agree.
 */
import { meetingIdOf, type MeetingEvent } from '@setboard/shared';
import type { Store } from '../store/store.js';
import {
  APOLOGIES_COLLECTION,
  type ApologiesRecord,
  type ApologyEntry,
} from './apology-records.js';
import type { MeetingService, StoredMeeting } from './meeting-service.js';

export type ApologyOutcome =
  | { ok: true; meetingChange: { meeting: StoredMeeting; events: MeetingEvent[] } | null }
  | { ok: false; reason: 'started' };

const MAX_ATTEMPTS = 20;

export class Apologies {
  constructor(
    private readonly deps: { store: Store; meetings: MeetingService; now: () => number },
  ) {}

  /** The apologies kept for a meeting, by person id. */
  async of(meetingId: string): Promise<Record<string, ApologyEntry>> {
    const record = await this.deps.store.get<ApologiesRecord>(APOLOGIES_COLLECTION, meetingId);
    return record?.value.entries ?? {};
  }

  /** Sends (or updates the message of) a person's apologies for a meeting not yet started. */
  send(setId: string, meetingIndex: number, personId: string, message: string) {
    const entry = { message, sentAt: this.deps.now() };
    return this.change(setId, meetingIndex, personId, entry);
  }

  /** Withdraws a person's apologies: they are coming after all. */
  withdraw(setId: string, meetingIndex: number, personId: string) {
    return this.change(setId, meetingIndex, personId, null);
  }

  /**
   * Brings a just-opened meeting into line with the records: an apology sent while it was being
   * opened (after its setup was read) is applied now, so none is lost in the race.
   */
  async reconcile(meeting: StoredMeeting): Promise<void> {
    const entries = await this.of(meeting.meetingId);
    for (const personId of Object.keys(entries)) {
      if (meeting.state.attendance[personId]?.status === 'expected') {
        await this.deps.meetings.apply(
          meeting.meetingId,
          { type: 'apologies:send' },
          actor(personId),
        );
      }
    }
  }

  private async change(
    setId: string,
    meetingIndex: number,
    personId: string,
    entry: ApologyEntry | null,
  ): Promise<ApologyOutcome> {
    const meetingId = meetingIdOf(setId, meetingIndex);
    const before = await this.deps.meetings.get(meetingId);
    if (before && !beforeStart(before)) return { ok: false, reason: 'started' };
    await this.write(meetingId, personId, entry);
    const meeting = await this.deps.meetings.get(meetingId);
    if (!meeting) return { ok: true, meetingChange: null };
    if (!beforeStart(meeting)) return { ok: false, reason: 'started' };
    const command = entry ? 'apologies:send' : 'apologies:withdraw';
    const outcome = await this.deps.meetings.apply(meetingId, { type: command }, actor(personId));
    // Refused when the room already agrees (sent twice, or joined): the record still stands.
    const meetingChange =
      outcome.ok && outcome.changed ? { meeting: outcome.meeting, events: outcome.events } : null;
    return { ok: true, meetingChange };
  }

  private async write(meetingId: string, personId: string, entry: ApologyEntry | null) {
    const { store } = this.deps;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const current = await store.get<ApologiesRecord>(APOLOGIES_COLLECTION, meetingId);
      const entries = { ...(current?.value.entries ?? {}) };
      if (entry) entries[personId] = entry;
      else delete entries[personId];
      const written = await store.put(
        APOLOGIES_COLLECTION,
        meetingId,
        { entries },
        current?.version ?? 0,
      );
      if (written.ok) return;
    }
    throw new Error(`apologies for ${meetingId}: too many concurrent changes`);
  }
}

const actor = (personId: string) => ({ personId, isOrganiser: false });

/** Apologies make sense until the meeting starts (the lobby still counts as before). */
function beforeStart(meeting: StoredMeeting): boolean {
  return meeting.state.phase === 'scheduled' || meeting.state.phase === 'lobby';
}
