/**
 * Awareness (who is here, where their cursor is) as the server relays it. A client's awareness
 * update is decoded, each state's client id must belong to the sender (the same binding as doc
 * structs), and the `user` field is replaced by the identity the server knows — so nobody can
 * appear under someone else's name (docs/protocol.md, rule W-awareness).
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

  /** Applies the update in the sender's true name; returns why not, when it must close. */
  async apply(peer: DocPeer, update: Uint8Array): Promise<{ code: number; reason: string } | null> {
    let entries: AwarenessEntry[];
    try {
      entries = decodeEntries(update);
    } catch {
      return { code: YjsCloseCode.malformed, reason: 'malformed awareness' };
    }
    const clients = entries.map((entry) => entry.clientId);
    if (await this.bindings.claim(this.docName, clients, peer.personId)) {
      return { code: YjsCloseCode.forbidden, reason: 'awareness for another person' };
    }
    const user = presenceUserOf({ id: peer.personId, name: peer.displayName });
    const rewritten = entries.map((entry) => ({
      ...entry,
      state:
        typeof entry.state === 'object' && entry.state !== null
          ? { ...(entry.state as Record<string, unknown>), user }
          : null,
    }));
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeEntries(rewritten), peer);
    return null;
  }
}
