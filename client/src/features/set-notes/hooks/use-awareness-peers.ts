import { useMemo, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { type PresenceIdentity, readPresenceIdentity } from '../lib/presence-identity';

export interface Peer extends PresenceIdentity {
  clientId: number;
}

const NO_PEERS: readonly Peer[] = [];
const noSubscription = (): (() => void) => () => {};
const noPeers = (): readonly Peer[] => NO_PEERS;

function readPeers(awareness: Awareness): readonly Peer[] {
  const peers: Peer[] = [];
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId === awareness.clientID) continue;
    const identity = readPresenceIdentity(state);
    if (identity) peers.push({ clientId, ...identity });
  }
  return peers.sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.clientId - b.clientId);
}

/** An external store over awareness; the list is rebuilt only when someone joins, leaves or changes. */
function createPeersStore(awareness: Awareness) {
  let peers = readPeers(awareness);
  return {
    subscribe(listener: () => void): () => void {
      // 'change' (not 'update') fires only when a state actually changed, not on heartbeats.
      const onChange = (): void => {
        peers = readPeers(awareness);
        listener();
      };
      awareness.on('change', onChange);
      return () => awareness.off('change', onChange);
    },
    getSnapshot: (): readonly Peer[] => peers,
  };
}

/** Everyone else who has this document open, with the identity they announced. */
export function useAwarenessPeers(awareness: Awareness | null): readonly Peer[] {
  const store = useMemo(() => (awareness ? createPeersStore(awareness) : null), [awareness]);
  return useSyncExternalStore(store?.subscribe ?? noSubscription, store?.getSnapshot ?? noPeers);
}
