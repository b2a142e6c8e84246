/**
 * Awareness (who is here, where their cursor is) as the server relays it. A client's awareness
 * update is decoded; states under client ids that belong to someone else are refused (left out:
 * y-websocket providers echo the states they receive, so these are usually echoes, and never
 * applied); the rest carry the identity the server knows in `user`, whatever the client claimed
 * — nobody can appear under someone else's name (docs/protocol.md, rule W16).
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { presenceUserOf, YjsCloseCode } from '@setboard/shared';
import type { ClientIdBindings } from '../../boards/client-ids.js';
import type { DocPeer } from './shared-doc.js';

interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: unknown;
}

function decodeEntries(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    entries.push({ clientId, clock, state: JSON.parse(decoding.readVarString(decoder)) });
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes');
  return entries;
}

function encodeEntries(entries: AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, JSON.stringify(state));
  }
  return encoding.toUint8Array(encoder);
}

export class ServerAwareness {
  constructor(
    private readonly awareness: awarenessProtocol.Awareness,
    private readonly bindings: ClientIdBindings,
    private readonly docName: string,
  ) {}

  /**
   * Applies the sender's own states, in their true name. Returns how many states were refused
   * (someone else's), or a close code when the update cannot be read.
   */
  async apply(
    peer: DocPeer,
    update: Uint8Array,
  ): Promise<{ refused: number } | { code: number; reason: string }> {
    let entries: AwarenessEntry[];
    try {
      entries = decodeEntries(update);
    } catch {
      return { code: YjsCloseCode.malformed, reason: 'malformed awareness' };
    }
    const own: AwarenessEntry[] = [];
    for (const entry of entries) {
      const owner = await this.bindings.ownerOrBind(this.docName, entry.clientId, peer.personId);
      if (owner === peer.personId) own.push(entry);
    }
    const refused = entries.length - own.length;
    if (own.length === 0) return { refused };
    const user = presenceUserOf({ id: peer.personId, name: peer.displayName });
    const rewritten = own.map((entry) => ({
      ...entry,
      state:
        typeof entry.state === 'object' && entry.state !== null
          ? { ...(entry.state as Record<string, unknown>), user }
          : null,
    }));
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeEntries(rewritten), peer);
    return { refused };
  }
}
