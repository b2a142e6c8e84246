/**
 * The pulse at the process review (docs/api.md, "Pulse"): each member of the meeting answers
 * once, 1 to 5. The record keeps the counts, and a separate list of who answered (as hashes of
 * meeting and person), never which score anyone gave.
 */
import { meetingIdOf, type PulseView } from '@setboard/shared';
import { refuse } from '../access/errors.js';
import { readMeeting, type SetRecord } from '../access/records.js';
import { hashToken } from '../access/tokens.js';
import type { Store } from '../store/store.js';

const PULSES = 'pulses';

interface PulseRecord {
  counts: number[];
  answeredBy: string[];
}

const EMPTY: PulseRecord = { counts: [0, 0, 0, 0, 0], answeredBy: [] };

function answererKey(meetingId: string, personId: string): string {
  return hashToken(`${meetingId}:${personId}`);
}

export class Pulses {
  constructor(private readonly deps: { store: Store }) {}

  async of(set: SetRecord, meetingIndex: number, personId: string): Promise<PulseView> {
    const meetingId = meetingIdOf(set.id, meetingIndex);
    const record = (await this.deps.store.get<PulseRecord>(PULSES, meetingId))?.value ?? EMPTY;
    return {
      counts: record.counts,
      answered: record.answeredBy.includes(answererKey(meetingId, personId)),
    };
  }

  /** One answer per person, only while the meeting is at its process review. */
  async answer(
    set: SetRecord,
    meetingIndex: number,
    personId: string,
    score: number,
  ): Promise<PulseView> {
    const meetingId = meetingIdOf(set.id, meetingIndex);
    const meeting = await readMeeting(this.deps.store, meetingId);
    if (meeting?.value.state.phase !== 'process_review')
      throw refuse.forbidden('The pulse is answered during the process review.');
    if (!meeting.value.state.roster.some((entry) => entry.personId === personId))
      throw refuse.forbidden('Only the meeting’s members answer the pulse.');
    const key = answererKey(meetingId, personId);
    for (let attempt = 0; attempt < 20; attempt++) {
      const current = await this.deps.store.get<PulseRecord>(PULSES, meetingId);
      const value = current?.value ?? EMPTY;
      if (value.answeredBy.includes(key)) throw refuse.conflict('You have answered already.');
      const counts = value.counts.map((count, index) => (index === score - 1 ? count + 1 : count));
      const next = { counts, answeredBy: [...value.answeredBy, key] };
      const written = await this.deps.store.put(PULSES, meetingId, next, current?.version ?? 0);
      if (written.ok) return { counts, answered: true };
    }
    throw refuse.conflict();
  }
}
