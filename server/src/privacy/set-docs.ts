/**
 * Every stored board of a set: its set board, each planned meeting's board and each slot's
 * board (from the meetings' live state), plus any other doc of the set the client-id bindings
 * know of — so a board is found even if the meeting that made it changed since.
 */
import { docAccessRule, meetingIdOf } from '@setboard/shared';
import type { SetRecord } from '../access/records.js';
import { CLIENT_IDS_COLLECTION } from '../boards/client-ids.js';
import type { MeetingService } from '../meetings/meeting-service.js';
import type { Store } from '../store/store.js';

export interface ClientIdBinding {
  /** The record id, `<docName>#<clientId>`. */
  id: string;
  docName: string;
  clientId: number;
  personId: string;
  version: number;
}

/** Every stored client-id binding (the collection is small: a few per person per board). */
export async function allClientIdBindings(store: Store): Promise<ClientIdBinding[]> {
  const records = await store.list<{ personId: string }>(CLIENT_IDS_COLLECTION);
  return records.flatMap((record) => {
    const at = record.id.lastIndexOf('#');
    const clientId = Number(record.id.slice(at + 1));
    if (at <= 0 || !Number.isSafeInteger(clientId)) return [];
    return [
      {
        id: record.id,
        docName: record.id.slice(0, at),
        clientId,
        personId: record.value.personId,
        version: record.version,
      },
    ];
  });
}

/** The names of every board of `set`, set board first. */
export async function docsOfSet(
  set: SetRecord,
  meetings: MeetingService,
  bindings: ClientIdBinding[],
): Promise<string[]> {
  const names = new Set<string>([`set:${set.id}`]);
  for (let index = 0; index < set.meetings.length; index++) {
    const meetingId = meetingIdOf(set.id, index);
    names.add(`meeting:${meetingId}`);
    const meeting = await meetings.get(meetingId);
    for (const slot of meeting?.state.slots ?? []) names.add(`slot:${slot.id}`);
  }
  for (const binding of bindings) {
    const rule = docAccessRule(binding.docName);
    if (rule.kind === 'set' && rule.setId === set.id) names.add(binding.docName);
  }
  return [...names];
}
