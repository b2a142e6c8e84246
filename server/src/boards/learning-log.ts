/**
 * Words kept in a person's own learning log, written by the server into `log:<personId>` as a new
 * dated entry (LogEntryRecord in `logEntries`, its prose as paragraphs in `entry:<id>`), the shape
 * the log page reads. Used when a section closed while they typed and they chose to keep what
 * the server gave back: the entry exists once the request answers, on every instance.
 */
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import {
  LogEntryRecord,
  londonDateOf,
  personalRoot,
  type KeepInLogRequest,
  type KeptInLog,
} from '@setboard/shared';
import type { ServerDocWriter } from './server-doc-writer.js';

const LOG_ENTRIES_ROOT = 'logEntries';

export class LearningLog {
  constructor(private readonly deps: { docs: ServerDocWriter; now: () => number }) {}

  /** Adds `request.text` to `personId`'s log as a new entry dated today. */
  async keep(personId: string, request: KeepInLogRequest): Promise<KeptInLog> {
    const entryId = randomUUID().replaceAll('-', '');
    const now = this.deps.now();
    const record = LogEntryRecord.parse({
      date: londonDateOf(now),
      title: `Kept: ${request.from}`.slice(0, 200),
      setId: null,
      meetingNumber: null,
      createdAt: now,
    });
    await this.deps.docs.writeAsServer(`log:${personId}`, (doc) => {
      doc.transact(() => {
        doc.getMap(LOG_ENTRIES_ROOT).set(entryId, new Y.Map(Object.entries(record)));
        const prose = doc.getXmlFragment(personalRoot('entry', entryId));
        const paragraphs = request.text.split(/\r?\n/).map((line) => {
          const paragraph = new Y.XmlElement('paragraph');
          if (line !== '') paragraph.insert(0, [new Y.XmlText(line)]);
          return paragraph;
        });
        prose.insert(0, paragraphs);
      });
    });
    return { entryId };
  }
}
