/**
 * What whoever runs the server can do from its command line (`npm run admin`): find people,
 * list the organisers, and issue a one-time sign-in link for anyone — the way back in for an
 * organiser with no other (docs/security.md, "Recovery"). Everything is in the audit log.
 */
import type { AccessServices } from './services.js';
import { Collection, type PersonRecord } from './records.js';
import { OPERATOR_ID } from './links.js';

/** How long an operator's sign-in link stays usable: long enough to pass on by phone. */
export const OPERATOR_LINK_DAYS = 1;

/** People whose id, e-mail address or name (ignoring case and spacing) is `query`. */
export async function findPeople(
  services: Pick<AccessServices, 'store'>,
  query: string,
): Promise<PersonRecord[]> {
  const wanted = normalise(query);
  const people = await services.store.list<PersonRecord>(Collection.people);
  return people
    .map((record) => record.value)
    .filter(
      (person) =>
        person.id === query.trim() ||
        (person.email && normalise(person.email) === wanted) ||
        normalise(person.name) === wanted,
    );
}

export async function listOrganisers(
  services: Pick<AccessServices, 'store'>,
): Promise<PersonRecord[]> {
  const people = await services.store.list<PersonRecord>(Collection.people);
  return people
    .map((record) => record.value)
    .filter((person) => person.isOrganiser)
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** A one-time sign-in link for `person`, issued by the operator; returns its token. */
export async function operatorSignInLink(
  services: Pick<AccessServices, 'links'>,
  person: PersonRecord,
): Promise<string> {
  const { token } = await services.links.create({
    kind: 'sign_in',
    setId: null,
    personId: person.id,
    createdBy: OPERATOR_ID,
    expiresInDays: OPERATOR_LINK_DAYS,
  });
  return token;
}

function normalise(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}
