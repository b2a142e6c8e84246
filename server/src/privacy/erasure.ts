/**
 * Erasure (docs/privacy.md): a person's words leave a set when they leave or are removed, a
 * whole account goes when its owner erases it, and a closed set's content goes when its
 * retention period ends. Every copy is reached: boards are rebuilt without the items
 * (`rewriteStoredDoc`), records are deleted or rewritten, sessions end, and the store is
 * scrubbed so nothing lingers in SQLite's free pages or write-ahead log.
 */
import type * as Y from 'yjs';
import type { AuditLog } from '../access/audit-log.js';
import { Collection, readPerson, type LinkRecord, type SessionRecord } from '../access/records.js';
import type { Sessions } from '../access/sessions.js';
import type { Sets } from '../access/sets.js';
import { Feeds } from '../calendar/calendar-feeds.js';
import type { Logger } from '../logger.js';
import { APOLOGIES_COLLECTION, type ApologiesRecord } from '../meetings/apology-records.js';
import type { MeetingService } from '../meetings/meeting-service.js';
import { notificationsOf } from '../reminders/notifications.js';
import type { Store } from '../store/store.js';
import { meetingIdOf } from '@setboard/shared';
import { bindRebuiltWriters, retireClientIds } from '../boards/client-ids.js';
import {
  PRESENTER_ROOTS,
  rebuildWithout,
  type RebuiltDoc,
  type SharedWordsPolicy,
} from './doc-rebuild.js';
import { rewriteStoredDoc, type LiveDocs } from './doc-rewrite.js';
import { readSetPrivacy } from './privacy-settings.js';
import { allClientIdBindings, docsOfSet, type ClientIdBinding } from './set-docs.js';

export interface ErasureDeps {
  store: Store;
  sets: Sets;
  meetings: MeetingService;
  sessions: Sessions;
  audit: AuditLog;
  live: LiveDocs;
  logger: Logger;
  now: () => number;
}

export class Erasure {
  constructor(private readonly deps: ErasureDeps) {}

  /**
   * Takes a person's words out of one set's boards and records: their own sections always,
   * what they wrote in shared sections by `policy` ("keep": kept, attributed to nobody).
   */
  async eraseWordsInSet(setId: string, personId: string, policy: SharedWordsPolicy): Promise<void> {
    await this.#eraseWordsInSet(
      setId,
      personId,
      policy,
      await allClientIdBindings(this.deps.store),
    );
    await this.deps.audit.record({ action: 'member.words_erased', setId, detail: policy });
    await this.deps.store.scrub();
  }

  /**
   * Erases a whole account: their words from every set they were ever in (by each set's policy;
   * "member chooses" means removed, since they chose to go), their learning log, profile,
   * sessions (signed out everywhere), links, notifications and calendar feed, and every audit
   * event about them — leaving one event saying that an account was erased.
   */
  async eraseAccount(personId: string): Promise<void> {
    const { store } = this.deps;
    // Signed out everywhere first: their open pages close and cannot write while we erase.
    await this.#endSessions(personId);
    const bindings = await allClientIdBindings(store);
    const setIds = (await store.list(Collection.personSets(personId))).map((entry) => entry.id);
    for (const setId of setIds) {
      const set = await this.deps.sets.get(setId);
      if (set?.members[personId]?.status === 'active') {
        await this.deps.sets.removeMember(setId, personId, personId);
      }
      const { formerMemberWords } = await readSetPrivacy(store, setId);
      const policy = formerMemberWords === 'keep' ? 'keep' : 'remove';
      await this.#eraseWordsInSet(setId, personId, policy, bindings);
    }
    await rewriteStoredDoc(this.#rewriteDeps(), `log:${personId}`, () => null);
    // No binding names them any more; their ids stay retired, never free to claim again.
    await retireBindings(
      store,
      bindings.filter((binding) => binding.personId === personId),
    );
    await this.#deleteCollection(notificationsOf(personId));
    await this.#deleteCollection(Collection.personSets(personId));
    await this.#deleteCollection(Collection.passkeys(personId));
    await this.#deleteCollection(Collection.passkeyRemovals(personId));
    await this.#deleteLinksOf(personId, setIds);
    await this.#deleteCalendarFeed(personId);
    await this.#deleteAuditAbout(personId);
    const person = await store.get(Collection.people, personId);
    if (person) await store.delete(Collection.people, personId, person.version);
    await this.deps.audit.record({ action: 'account.erased' });
    await store.scrub();
    this.deps.logger.info('an account was erased');
  }

  /**
   * Retention: deletes every board of the set and the apologies' messages, keeping the set's
   * record, its meetings' attendance and the content-free cycle report.
   */
  async purgeSetContent(setId: string): Promise<void> {
    const { store } = this.deps;
    const set = await this.deps.sets.get(setId);
    if (!set) return;
    const bindings = await allClientIdBindings(store);
    for (const docName of await docsOfSet(set, this.deps.meetings, bindings)) {
      await rewriteStoredDoc(this.#rewriteDeps(), docName, () => null);
    }
    await retireBindings(
      store,
      bindings.filter((binding) => isDocOfSet(binding.docName, setId)),
    );
    for (let index = 0; index < set.meetings.length; index++) {
      const meetingId = meetingIdOf(setId, index);
      const record = await store.get(APOLOGIES_COLLECTION, meetingId);
      if (record) await store.delete(APOLOGIES_COLLECTION, meetingId, record.version);
    }
    await this.deps.audit.record({ action: 'set.purged', setId });
    await store.scrub();
  }

  async #eraseWordsInSet(
    setId: string,
    personId: string,
    policy: SharedWordsPolicy,
    bindings: ClientIdBinding[],
  ): Promise<void> {
    const { store } = this.deps;
    const set = await this.deps.sets.get(setId);
    if (!set) return;
    const idBytes = Buffer.from(personId, 'utf8');
    const theirs = bindings.filter((binding) => binding.personId === personId);
    const presented = await this.#slotsPresentedBy(set, personId);
    for (const docName of await docsOfSet(set, this.deps.meetings, bindings)) {
      const clientIds = new Set(
        theirs.filter((binding) => binding.docName === docName).map((binding) => binding.clientId),
      );
      // Rewriting closes everyone's connections: only boards that hold something of theirs.
      const { updates } = await store.loadDoc(docName);
      if (updates.length === 0) continue;
      const mentions = updates.some((update) => Buffer.from(update).includes(idBytes));
      if (clientIds.size === 0 && !mentions && !presented.has(docName)) continue;
      const ownedRoots = presented.has(docName) ? PRESENTER_ROOTS : undefined;
      const writers = new Map(
        bindings
          .filter((binding) => binding.docName === docName)
          .map((binding) => [binding.clientId, binding.personId]),
      );
      let rebuilt: RebuiltDoc | null = null;
      await rewriteStoredDoc(this.#rewriteDeps(), docName, (stored: Y.Doc) => {
        const erasee = { personId, clientIds, shared: policy, ...(ownedRoots && { ownedRoots }) };
        rebuilt = rebuildWithout(docName, stored, erasee, (clientId) => writers.get(clientId));
        return rebuilt?.state ?? null;
      });
      // Who wrote what in the rebuilt board, for the gate and for any later erasure.
      if (rebuilt) await bindRebuiltWriters(store, docName, (rebuilt as RebuiltDoc).writers);
    }
    await this.#eraseApologyMessages(set.id, set.meetings.length, personId);
  }

  /** The slot boards (`slot:<id>`) of the set where the person presented. */
  async #slotsPresentedBy(set: { id: string; meetings: unknown[] }, personId: string) {
    const names = new Set<string>();
    for (let index = 0; index < set.meetings.length; index++) {
      const meeting = await this.deps.meetings.get(meetingIdOf(set.id, index));
      for (const slot of meeting?.state.slots ?? []) {
        if (slot.presenterId === personId) names.add(`slot:${slot.id}`);
      }
    }
    return names;
  }

  /** Apologies stay as attendance facts; the message to the facilitator is their words. */
  async #eraseApologyMessages(setId: string, meetingCount: number, personId: string) {
    const { store } = this.deps;
    for (let index = 0; index < meetingCount; index++) {
      const meetingId = meetingIdOf(setId, index);
      for (let attempt = 0; attempt < 10; attempt++) {
        const current = await store.get<ApologiesRecord>(APOLOGIES_COLLECTION, meetingId);
        const entry = current?.value.entries[personId];
        if (!current || !entry || entry.message === '') break;
        const entries = { ...current.value.entries, [personId]: { ...entry, message: '' } };
        const written = await store.put(
          APOLOGIES_COLLECTION,
          meetingId,
          { entries },
          current.version,
        );
        if (written.ok) break;
      }
    }
  }

  async #endSessions(personId: string): Promise<void> {
    const sessions = await this.deps.store.list<SessionRecord>(Collection.sessions);
    for (const session of sessions) {
      if (session.value.personId === personId) await this.deps.sessions.end(session.id);
    }
  }

  async #deleteCollection(collection: string): Promise<void> {
    const records = await this.deps.store.list(collection);
    await deleteAll(this.deps.store, records, collection);
  }

  /** Links carry an e-mail address: every link that signed them in or that they accepted. */
  async #deleteLinksOf(personId: string, setIds: string[]): Promise<void> {
    const { store } = this.deps;
    const links = await store.list<LinkRecord>(Collection.links);
    const theirs = links.filter((link) => link.value.personId === personId);
    const ids = new Set(theirs.map((link) => link.id));
    await deleteAll(store, theirs, Collection.links);
    const tokens = await store.list<{ linkId: string }>(Collection.linkTokens);
    await deleteAll(
      store,
      tokens.filter((token) => ids.has(token.value.linkId)),
      Collection.linkTokens,
    );
    for (const setId of setIds) {
      const index = await store.list(Collection.setLinks(setId));
      await deleteAll(
        store,
        index.filter((entry) => ids.has(entry.id)),
        Collection.setLinks(setId),
      );
    }
    const organiserIndex = await store.list(Collection.organiserLinks);
    await deleteAll(
      store,
      organiserIndex.filter((entry) => ids.has(entry.id)),
      Collection.organiserLinks,
    );
  }

  async #deleteCalendarFeed(personId: string): Promise<void> {
    const { store } = this.deps;
    const feed = await store.get<{ tokenHash: string }>(Feeds.byPerson, personId);
    if (!feed) return;
    const token = await store.get(Feeds.byToken, feed.value.tokenHash);
    if (token) await store.delete(Feeds.byToken, feed.value.tokenHash, token.version);
    await store.delete(Feeds.byPerson, personId, feed.version);
  }

  /** The audit log keeps only that an erasure happened: every event naming them goes. */
  async #deleteAuditAbout(personId: string): Promise<void> {
    const events = await this.deps.store.list<{ actorId: string | null; detail: string }>(
      Collection.audit,
    );
    await deleteAll(
      this.deps.store,
      events.filter(
        (event) => event.value.actorId === personId || event.value.detail.includes(personId),
      ),
      Collection.audit,
    );
  }

  #rewriteDeps() {
    return { store: this.deps.store, live: this.deps.live, now: this.deps.now };
  }

  /** Whether the person still has a profile (for the erase page). */
  async exists(personId: string): Promise<boolean> {
    return (await readPerson(this.deps.store, personId)) !== null;
  }
}

function isDocOfSet(docName: string, setId: string): boolean {
  return (
    docName === `set:${setId}` ||
    docName.startsWith(`meeting:${setId}-m`) ||
    docName.startsWith(`slot:${setId}-m`)
  );
}

/** Deletes records at the versions listed; one changed meanwhile is read again and deleted. */
async function deleteAll(
  store: Store,
  records: Array<{ id: string; version: number }>,
  collection: string,
): Promise<void> {
  for (const record of records) {
    let version = record.version;
    for (let attempt = 0; attempt < 5; attempt++) {
      const result = await store.delete(collection, record.id, version);
      if (result.ok || result.currentVersion === 0) break;
      version = result.currentVersion;
    }
  }
}

/** Retires each binding's client id in its doc (no binding names its person any more). */
async function retireBindings(store: Store, bindings: ClientIdBinding[]): Promise<void> {
  for (const binding of bindings) {
    await retireClientIds(store, binding.docName, [binding.clientId]);
  }
}
