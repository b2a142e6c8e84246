import { type DocName, type YjsNotice, presenceUserOf } from '@setboard/shared';
import { useCallback, useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { useYjsDoc } from '../../realtime/use-yjs-doc';
import type { YjsBinding, YjsStatus } from '../../realtime/yjs-provider';
import { useSignedInPerson } from '../../session/session-context';
import { handleNotices } from './yjs-notice';

/** A notice from the server, numbered so each can be dismissed on its own. */
export interface ReceivedNotice {
  id: number;
  notice: YjsNotice;
}

export interface BoardDoc {
  /** Null until the page has mounted (the binding opens a WebSocket). */
  doc: Y.Doc | null;
  awareness: Awareness | null;
  status: YjsStatus;
  /** The board has had the server's content at least once (later drops keep what it had). */
  synced: boolean;
  /** The latest notices, newest last (at most `MAX_NOTICES_KEPT`). */
  notices: readonly ReceivedNotice[];
  dismissNotice: (id: number) => void;
}

/** Older notices drop off: the newest few are what the person is dealing with. */
export const MAX_NOTICES_KEPT = 3;

interface NoticeList {
  binding: YjsBinding | null;
  items: ReceivedNotice[];
  next: number;
}

/**
 * Opens one board (a Yjs doc) for the signed-in person: the doc, its awareness (carrying who we
 * are, which the server overwrites with the identity it knows) and the notices the server sends
 * on it, such as a change it refused. While the connection is down everything stays editable:
 * Yjs keeps what is typed and sends it when the connection comes back.
 */
export function useBoardDoc(docName: DocName): BoardDoc {
  const person = useSignedInPerson();
  const { binding, status } = useYjsDoc(docName);
  const [notices, setNotices] = useState<NoticeList>({ binding: null, items: [], next: 1 });
  const [syncedBinding, setSyncedBinding] = useState<YjsBinding | null>(null);
  const awareness = binding?.provider.awareness ?? null;

  // Remember the first sync of this binding (adjusting state while rendering, not in an effect).
  if (binding && status.kind === 'connected' && syncedBinding !== binding) {
    setSyncedBinding(binding);
  }

  useEffect(() => {
    if (!binding) return;
    return handleNotices(binding.provider, (notice) =>
      setNotices((list) => {
        const items = list.binding === binding ? list.items : [];
        const added = [...items, { id: list.next, notice }].slice(-MAX_NOTICES_KEPT);
        return { binding, items: added, next: list.next + 1 };
      }),
    );
  }, [binding]);

  const personId = person?.id ?? null;
  const personName = person?.name ?? null;
  useEffect(() => {
    if (!awareness || personId === null || personName === null) return;
    awareness.setLocalStateField('user', presenceUserOf({ id: personId, name: personName }));
  }, [awareness, personId, personName]);

  const dismissNotice = useCallback(
    (id: number) =>
      setNotices((list) => ({ ...list, items: list.items.filter((item) => item.id !== id) })),
    [],
  );

  return {
    doc: binding?.doc ?? null,
    awareness,
    status,
    synced: binding !== null && syncedBinding === binding,
    notices: notices.binding === binding ? notices.items : [],
    dismissNotice,
  };
}
