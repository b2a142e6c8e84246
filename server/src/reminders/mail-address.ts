/**
 * Where a person's reminder e-mails go. Setboard learns an address in two ways: the address an
 * invitation was sent to (recorded with the link they accepted, including a booked place's
 * invitation), and the address on their account, which wins. This is the one place reminders ask.
 */
import { Collection, readLink, readPerson } from '../access/records.js';
import type { Store } from '../store/store.js';

export async function mailAddressOf(store: Store, personId: string): Promise<string | null> {
  const person = await readPerson(store, personId);
  if (!person) return null;
  if (person.email) return person.email;
  // People who joined before accounts kept an address: the invitation they accepted: a set's (or, for organisers, an organiser invitation).
  const setIds = (await store.list(Collection.personSets(personId))).map((entry) => entry.id);
  const indexes = [...setIds.map(Collection.setLinks), Collection.organiserLinks];
  for (const index of indexes) {
    for (const { id } of await store.list(index)) {
      const link = await readLink(store, id);
      if (link && link.status === 'used' && link.personId === personId && link.email) {
        return link.email;
      }
    }
  }
  return null;
}
