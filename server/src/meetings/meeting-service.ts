/**
 * Live meetings as stored records: collection `meetings`, id `<setId>-m<meetingIndex>`, value
 * `{ setId, meetingIndex, state }`. Every change goes through `apply`: read → reduce → write with
 * compare-and-set on the record's version; on a conflict it re-reads and reduces again, so a
 * command is applied once, to the state it was accepted against, whichever instance runs it.
 */
import {
  createMeetingState,
  meetingIdOf,
  parseMeetingId,
  reduceMeeting,
  type Actor,
  type MeetingCommand,
  type MeetingErrorCode,
  type MeetingEvent,
  type MeetingState,
} from '@setboard/shared';
import {
  Collection,
  readMeeting,
  readSet,
  type MeetingRecord,
  type SetRecord,
} from '../access/records.js';
import type { Store } from '../store/store.js';
import { APOLOGIES_COLLECTION, type ApologiesRecord } from './apology-records.js';
import { activeRosterOf, meetingSetupOf, type LeftOverSlot } from './meeting-setup.js';

export type { MeetingRecord } from '../access/records.js';
/** The meetings' collection (typed reads: `readMeeting` in access/records.ts). */
export const MEETINGS_COLLECTION = Collection.meetings;

/** A meeting as read from the store. */
export interface StoredMeeting {
  meetingId: string;
  setId: string;
  version: number;
  state: MeetingState;
}

/**
 * Enough attempts for every member of a large set (and the clock) to write at once: each round
 * of conflicts lets at least one writer through.
 */
export const MAX_APPLY_ATTEMPTS = 50;

export type OpenOutcome =
  /** `created`: this call made the live meeting (false when it existed already). */
  { ok: true; meeting: StoredMeeting; created: boolean } | { ok: false; reason: 'not_found' };

/** A change stored by the server itself, to be broadcast like any other. */
export interface ServerChange {
  meeting: StoredMeeting;
  events: MeetingEvent[];
}

export type ApplyOutcome =
  | { ok: true; meeting: StoredMeeting; events: MeetingEvent[]; changed: boolean }
  | { ok: false; reason: 'not_found' }
  /** `expectedVersion` was given and the meeting has moved on since. */
  | { ok: false; reason: 'stale'; version: number }
  | { ok: false; reason: 'refused'; code: MeetingErrorCode; version: number };

export class MeetingService {
  constructor(private readonly deps: { store: Store; now: () => number }) {}

  async get(meetingId: string): Promise<StoredMeeting | null> {
    const record = await readMeeting(this.deps.store, meetingId);
    if (!record) return null;
    const { setId, state } = record.value;
    return { meetingId, setId, version: record.version, state };
  }

  /** Makes the live meeting for the set's planned meeting `meetingIndex`; returns it if it exists. */
  async open(setId: string, meetingIndex: number): Promise<OpenOutcome> {
    const meetingId = meetingIdOf(setId, meetingIndex);
    const existing = await this.get(meetingId);
    if (existing) return { ok: true, meeting: existing, created: false };
    const set = await this.readSet(setId);
    if (!set) return { ok: false, reason: 'not_found' };
    const carried = meetingIndex > 0 ? await this.leftOverFrom(setId, meetingIndex - 1) : [];
    const apologised = await this.deps.store.get<ApologiesRecord>(APOLOGIES_COLLECTION, meetingId);
    const apologies = Object.keys(apologised?.value.entries ?? {});
    const setup = meetingSetupOf(set, meetingIndex, meetingId, carried, apologies);
    if (!setup) return { ok: false, reason: 'not_found' };
    const value: MeetingRecord = { setId, meetingIndex, state: createMeetingState(setup) };
    const written = await this.deps.store.put(MEETINGS_COLLECTION, meetingId, value, 0);
    // Opened by someone else at the same moment: theirs stands.
    const meeting = written.ok
      ? { meetingId, setId, version: written.version, state: value.state }
      : await this.get(meetingId);
    return meeting
      ? { ok: true, meeting, created: written.ok }
      : { ok: false, reason: 'not_found' };
  }

  /**
   * Applies `command` from `actor` (null: the server's clock) at the current time, with
   * compare-and-set. A command the reducer refuses, or a tick with nothing due, writes nothing.
   */
  async apply(
    meetingId: string,
    command: MeetingCommand,
    actor: Actor,
    expectedVersion?: number,
  ): Promise<ApplyOutcome> {
    for (let attempt = 0; attempt < MAX_APPLY_ATTEMPTS; attempt++) {
      const current = await readMeeting(this.deps.store, meetingId);
      if (!current) return { ok: false, reason: 'not_found' };
      const { version, value } = current;
      if (expectedVersion !== undefined && expectedVersion !== version)
        return { ok: false, reason: 'stale', version };
      const result = reduceMeeting(value.state, command, actor, this.deps.now());
      if (!result.ok) return { ok: false, reason: 'refused', code: result.code, version };
      const stored = { meetingId, setId: value.setId, version, state: result.state };
      if (result.state === value.state)
        return { ok: true, meeting: stored, events: [], changed: false };
      const next: MeetingRecord = { ...value, state: result.state };
      const written = await this.deps.store.put(MEETINGS_COLLECTION, meetingId, next, version);
      if (written.ok) {
        const meeting = { ...stored, version: written.version };
        return { ok: true, meeting, events: result.events, changed: true };
      }
    }
    throw new Error(`meeting ${meetingId}: too many concurrent changes`);
  }

  /**
   * Brings every opened, not yet closed meeting of the set onto the set's active roster
   * (`roster:sync`, the server's own command). Returns the meetings that changed.
   */
  async syncRosters(setId: string): Promise<ServerChange[]> {
    const set = await this.readSet(setId);
    const changes: ServerChange[] = [];
    for (let meetingIndex = 0; meetingIndex < (set?.meetings.length ?? 0); meetingIndex++) {
      const meetingId = meetingIdOf(setId, meetingIndex);
      const existing = await this.get(meetingId);
      if (existing && existing.state.phase !== 'closed')
        changes.push(...(await this.syncRoster(setId, meetingId)));
    }
    return changes;
  }

  /**
   * Two membership changes may sync at once, the one that read the set first writing last. So
   * each sync reads the set again after writing, until the meeting already has its roster.
   */
  private async syncRoster(setId: string, meetingId: string): Promise<ServerChange[]> {
    const changes: ServerChange[] = [];
    for (let round = 0; round < MAX_APPLY_ATTEMPTS; round++) {
      const set = await this.readSet(setId);
      if (!set) break;
      const roster = activeRosterOf(set);
      const outcome = await this.apply(meetingId, { type: 'roster:sync', roster }, null);
      if (!outcome.ok || !outcome.changed) break;
      changes.push(outcome);
    }
    return changes;
  }

  private readSet(setId: string): Promise<SetRecord | null> {
    return readSet(this.deps.store, setId);
  }

  /** The slots the meeting at `meetingIndex` left for the next: deferred or never run. */
  private async leftOverFrom(setId: string, meetingIndex: number): Promise<LeftOverSlot[]> {
    const previous = await this.get(meetingIdOf(setId, meetingIndex));
    if (!previous) return [];
    return (
      previous.state.slots
        .filter((slot) => slot.status === 'deferred' || slot.status === 'planned')
        // What this meeting's extensions cut from a slot goes back with it (M12).
        .map(({ id, presenterId, synopsis, minutes, cutMinutes }) => ({
          presenterId,
          synopsis,
          minutes: minutes + (cutMinutes ?? 0),
          fromSlotId: id,
        }))
    );
  }
}

/** The set a meeting belongs to, from its id alone (no store read). */
export function setIdOfMeeting(meetingId: string): string | null {
  return parseMeetingId(meetingId)?.setId ?? null;
}
