/**
 * A set ready to meet: an organiser, a facilitator and members made through the real API, with
 * the set's settings changed as a facilitator would, and the times its planned meetings start.
 */
import type { SetSettings } from '@setboard/shared';
import { expectOk, setWithPeople, type TestSet } from './actors.js';

/** `aSet()` plans 21 September 2027 and 14 December 2027, 09:30 London time. */
export const FIRST_MEETING_STARTS_AT = Date.UTC(2027, 8, 21, 8, 30); // BST: UTC+1
export const SECOND_MEETING_STARTS_AT = Date.UTC(2027, 11, 14, 9, 30); // GMT
export const MINUTE_MS = 60_000;

export async function setReadyToMeet(
  serverUrl: string,
  setupUrl: string | null,
  memberCount: number,
  settings: Partial<SetSettings>,
): Promise<TestSet> {
  const people = await setWithPeople(serverUrl, setupUrl, memberCount);
  await expectOk(serverUrl, 'PATCH', `/api/sets/${people.set.id}`, {
    as: people.facilitator,
    body: { settings: { ...people.set.settings, ...settings } },
  });
  return people;
}
