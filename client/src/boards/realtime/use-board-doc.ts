import { type DocName, presenceUserOf } from '@setboard/shared';
import { useCallback, useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { useYjsDoc } from '../../realtime/use-yjs-doc';
import type { YjsBinding, YjsStatus } from '../../realtime/yjs-provider';
import { useSignedInPerson } from '../../session/session-context';
import { addGivenBack, type GivenBackEntry } from './given-back';
import { handleNotices } from './yjs-notice';

export interface BoardDoc {
  /** Null until the page has mounted (the binding opens a WebSocket). */
  doc: Y.Doc | null;
  awareness: Awareness | null;
  status: YjsStatus;
  /** The board has had the server's content at least once (later drops keep what it had). */
  synced: boolean;
  /** Words the server gave back, one entry per section, until the person dismisses them. */
  givenBack: readonly GivenBackEntry[];
  dismissGivenBack: (section: string) => void;
}

interface GivenBackList {
  binding: YjsBinding | null;
  entries: GivenBackEntry[];
}

/**
 * Opens one board (a Yjs doc) for the signed-in person: the doc, its awareness (carrying who we
 * are, which the server overwrites with the identity it knows) and the notices the server sends
 * on it, such as a change it refused. While the connection is down everything stays editable:
 * Yjs keeps what is typed and sends it when the connection comes back.
 */
export function useBoardDoc(docName: DocName): BoardDoc {
  const person = useSignedInPerson();
  const { binding, status } = useYjsDoc(docName, person?.id ?? '');
  const [givenBack, setGivenBack] = useState<GivenBackList>({ binding: null, entries: [] });
  const [syncedBinding, setSyncedBinding] = useState<YjsBinding | null>(null);
  const awareness = binding?.provider.awareness ?? null;

  // Remember the first sync of this binding (adjusting state while rendering, not in an effect).
  if (binding && status.kind === 'connected' && syncedBinding !== binding) {
    setSyncedBinding(binding);
  }

  useEffect(() => {
    if (!binding) return;
    return handleNotices(binding.provider, (notice) =>
      setGivenBack((list) => ({
        binding,
        entries: addGivenBack(list.binding === binding ? list.entries : [], notice),
      })),
    );
  }, [binding]);

  const personId = person?.id ?? null;
  const personName = person?.name ?? null;
  useEffect(() => {
    if (!awareness || personId === null || personName === null) return;
    awareness.setLocalStateField('user', presenceUserOf({ id: personId, name: personName }));
  }, [awareness, personId, personName]);

  const dismissGivenBack = useCallback(
    (section: string) =>
      setGivenBack((list) => ({
        ...list,
        entries: list.entries.filter((entry) => entry.section !== section),
      })),
    [],
  );

  return {
    doc: binding?.doc ?? null,
    awareness,
    status,
    synced: binding !== null && syncedBinding === binding,
    givenBack: givenBack.binding === binding ? givenBack.entries : [],
    dismissGivenBack,
  };
}
