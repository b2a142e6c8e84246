/**
 * Finds every reminder due now, from the sets as they stand: their planned meetings, their
 * presenters' open actions and their ground rules (docs/reminders.md). Closed sets send nothing.
 * Because it reads what is true now rather than what changed, a server that was down catches
 * up on its first scan, and a changed date simply yields a reminder with a new key.
 */
import {
  actionReminders,
  ContractAgreement,
  ContractVersion,
  groundRulesReminder,
  meetingReminders,
  reminderIsDue,
  type Reminder,
} from '@setboard/shared';
import type * as Y from 'yjs';
import type { SetRecord } from '../access/records.js';
import type { Sets } from '../access/sets.js';
import type { MyActions } from '../boards/my-actions.js';
import { readStoredDoc } from '../boards/stored-board.js';
import type { Store } from '../store/store.js';

export interface ReminderSources {
  store: Store;
  sets: Sets;
  myActions: MyActions;
}

/** Every reminder of every open set: due or not (the scheduler needs the next one's time). */
export async function remindersOfAllSets(sources: ReminderSources): Promise<Reminder[]> {
  const sets = (await sources.sets.all()).filter((set) => set.lifecycle !== 'closed');
  return (await Promise.all(sets.map((set) => remindersOfSet(sources, set)))).flat();
}

/** The reminders due at `now`. */
export function dueReminders(reminders: readonly Reminder[], now: number): Reminder[] {
  return reminders.filter((reminder) => reminderIsDue(reminder, now));
}

async function remindersOfSet(sources: ReminderSources, set: SetRecord): Promise<Reminder[]> {
  const active = Object.entries(set.members)
    .filter(([, entry]) => entry.status === 'active')
    .map(([personId]) => personId);
  const meetings = active.flatMap((personId) =>
    set.meetings.flatMap((plan, index) => meetingReminders(personId, set, index, plan)),
  );
  const actions = (await sources.myActions.allInSet(set))
    .filter((owned) => active.includes(owned.personId))
    .flatMap((owned) => actionReminders(owned));
  const rules = await readStoredDoc(sources.store, `set:${set.id}`, (doc) =>
    groundRules(doc, set, active),
  );
  return [...meetings, ...actions, ...rules];
}

function groundRules(doc: Y.Doc, set: SetRecord, people: string[]): Reminder[] {
  const versions = doc
    .getArray<unknown>('contractVersions')
    .toArray()
    .flatMap((item) => {
      const parsed = ContractVersion.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    });
  const latest = versions.sort((a, b) => b.version - a.version)[0];
  if (!latest) return [];
  const agreements = doc.getMap<unknown>('agreements');
  return people.flatMap((personId) => {
    // Whoever published it has agreed by doing so.
    if (personId === latest.publishedBy) return [];
    const agreed = ContractAgreement.safeParse(agreements.get(personId));
    return groundRulesReminder(personId, set, latest, agreed.success ? agreed.data.version : null);
  });
}
