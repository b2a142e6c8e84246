/**
 * "Download my data" (right of access, docs/privacy.md): everything Setboard stores about a
 * person, as one JSON file and a readable HTML index, zipped (fflate). Only what is theirs or
 * about them: other people's words in the same boards are left out.
 */
import { strToU8, zipSync } from 'fflate';
import type { AuditLog } from '../access/audit-log.js';
import {
  Collection,
  readPerson,
  type LinkRecord,
  type SessionRecord,
  type SetRecord,
} from '../access/records.js';
import type { Sets } from '../access/sets.js';
import type { MyActions } from '../boards/my-actions.js';
import { loadStoredDoc } from '../boards/stored-board.js';
import { APOLOGIES_COLLECTION, type ApologiesRecord } from '../meetings/apology-records.js';
import type { MeetingService } from '../meetings/meeting-service.js';
import { notificationsOf } from '../reminders/notifications.js';
import type { Store } from '../store/store.js';
import { meetingIdOf, parseDocName } from '@setboard/shared';
import { rootJson, wordsIn, type BoardWords } from './board-words.js';
import type { MyDataExport } from './my-data-export.js';
import { allClientIdBindings, docsOfSet } from './set-docs.js';
import { renderMyDataIndex } from './my-data-index.js';

export interface MyDataDeps {
  store: Store;
  sets: Sets;
  meetings: MeetingService;
  myActions: MyActions;
  audit: AuditLog;
  now: () => number;
}

export async function collectMyData(deps: MyDataDeps, personId: string): Promise<MyDataExport> {
  const { store } = deps;
  const person = await readPerson(store, personId);
  const setIds = (await store.list(Collection.personSets(personId))).map((entry) => entry.id);
  const sets = (await Promise.all(setIds.map((id) => deps.sets.get(id)))).filter(
    (set): set is SetRecord => set !== null,
  );
  const bindings = await allClientIdBindings(store);
  const theirClients = (docName: string) =>
    new Set(
      bindings
        .filter((binding) => binding.docName === docName && binding.personId === personId)
        .map((binding) => binding.clientId),
    );
  const boards: BoardWords[] = [];
  const apologies: MyDataExport['apologies'] = [];
  for (const set of sets) {
    for (const docName of await docsOfSet(set, deps.meetings, bindings)) {
      const doc = await loadStoredDoc(store, docName);
      try {
        const words = wordsIn(docName, doc, personId, theirClients(docName));
        const empty =
          Object.keys(words.ownSections).length +
            Object.keys(words.sharedText).length +
            Object.keys(words.records).length ===
          0;
        if (!empty) boards.push(words);
      } finally {
        doc.destroy();
      }
    }
    for (let index = 0; index < set.meetings.length; index++) {
      const meetingId = meetingIdOf(set.id, index);
      const record = await store.get<ApologiesRecord>(APOLOGIES_COLLECTION, meetingId);
      const entry = record?.value.entries[personId];
      if (entry) apologies.push({ meetingId, message: entry.message, sentAt: entry.sentAt });
    }
  }
  const sessions = (await store.list<SessionRecord>(Collection.sessions))
    .filter((session) => session.value.personId === personId)
    .map(({ value }) => ({
      createdAt: value.createdAt,
      lastSeenAt: value.lastSeenAt,
      expiresAt: value.expiresAt,
    }));
  const links = (await store.list<LinkRecord>(Collection.links))
    .filter((link) => link.value.personId === personId)
    .map(({ value }) => ({
      kind: value.kind,
      setId: value.setId,
      email: value.email,
      createdAt: value.createdAt,
      status: value.status,
    }));
  const auditEvents = (
    await store.list<{
      at: number;
      action: string;
      actorId: string | null;
      setId: string | null;
      detail: string;
    }>(Collection.audit)
  )
    .filter((event) => event.value.actorId === personId || event.value.detail.includes(personId))
    .map(({ value }) => ({
      at: value.at,
      action: value.action,
      setId: value.setId,
      detail: value.detail,
    }))
    .sort((a, b) => a.at - b.at);
  const notifications = (await store.list(notificationsOf(personId))).map((record) => record.value);
  const logName = `log:${personId}`;
  const log = await loadStoredDoc(store, logName);
  const learningLog: Record<string, unknown> = {};
  try {
    for (const root of log.share.keys())
      learningLog[root] = rootJson(parseDocName(logName), log, root);
  } finally {
    log.destroy();
  }
  return {
    exportedAt: new Date(deps.now()).toISOString(),
    profile: person,
    memberships: sets.map((set) => {
      const entry = set.members[personId]!;
      return {
        setId: set.id,
        setName: set.name,
        role: entry.role,
        status: entry.status,
        joinedAt: entry.joinedAt,
        removedAt: entry.removedAt,
      };
    }),
    sessions,
    links,
    auditEvents,
    apologies,
    notifications,
    learningLog,
    boards,
    actionsAndObjectives: await deps.myActions.of(personId),
  };
}

/** The zip a person downloads: `my-data.json` and `index.html`. */
export function zipMyData(data: MyDataExport): Uint8Array {
  return zipSync({
    'my-data.json': strToU8(JSON.stringify(data, null, 2)),
    'index.html': strToU8(renderMyDataIndex(data)),
  });
}
