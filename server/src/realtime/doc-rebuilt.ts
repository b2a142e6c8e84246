/**
 * The `LiveDocs` port of privacy/doc-rewrite.ts: before a stored doc is rebuilt (erasure,
 * retention, repair), every instance drops its copy of the doc (Y14): each connection to it
 * closes with 4410 "rebuilt", its queued writes are stored, and the next connection loads the
 * rebuilt doc afresh — no instance keeps serving or appending the old items.
 *
 * Other instances hear of it by a server-side message (at most once); one that misses it still
 * cannot take old items back in, since the rebuild retires the old client ids (the gate closes
 * such a page with 4410).
 */
import { YjsCloseCode } from '@setboard/shared';
import type { Logger } from '../logger.js';
import type { LiveDocs } from '../privacy/doc-rewrite.js';
import type { DocRegistry } from './yjs/doc-registry.js';
import type { AppServer } from './app-server.js';

export function wireDocRebuilt(
  io: AppServer,
  docs: DocRegistry,
  logger: Logger,
  clustered: boolean,
): LiveDocs {
  const dropHere = (docName: string) => docs.evict(docName, YjsCloseCode.rebuilt, 'rebuilt');
  io.on('doc:rebuilt', (docName) => {
    dropHere(docName).catch((error: unknown) =>
      logger.error({ err: error }, 'could not drop the copy of a rebuilt doc'),
    );
  });
  return {
    async closeEverywhere(docName) {
      if (clustered) io.serverSideEmit('doc:rebuilt', docName);
      await dropHere(docName);
    },
  };
}
