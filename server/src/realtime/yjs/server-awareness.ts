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
import type { WriteGate } from '../../boards/write-gate.js';
import type { DocPeer } from './doc-peer.js';

interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: unknown;
}

/** Too many states to be echoes of what the server holds plus the sender's own. */
const TOO_MANY = Symbol('too many states');

function decodeEntries(update: Uint8Array, maxStates: number): AwarenessEntry[] | typeof TOO_MANY {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  if (count > maxStates) return TOO_MANY;
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

/** Whether two presence users are the same (their fields are strings). */
function sameUser(a: unknown, b: object): boolean {
  if (typeof a !== 'object' || a === null) return false;
  const [given, known] = [a as Record<string, unknown>, b as Record<string, unknown>];
  const fields = Object.keys(known);
  return Object.keys(given).length === fields.length && fields.every((k) => given[k] === known[k]);
}

export class ServerAwareness {
  /**
   * The awareness update being applied right now, as bytes: what the doc relays to everyone
   * (set only while `applyAwarenessUpdate` runs, whose change event the doc relays at once).
   */
  private applyingNow: { bytes: Uint8Array; states: number } | null = null;

  constructor(
    private readonly awareness: awarenessProtocol.Awareness,
    private readonly owners: Pick<WriteGate, 'resolveOwners' | 'lookupsPerMessage'>,
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
    let entries: AwarenessEntry[] | typeof TOO_MANY;
    // A page sends its own states and echoes others': states the server sent it, or (after a
    // restart) removals of states it held before. More than the server holds plus what one
    // message may make it look up cannot be honest, and is not even read.
    const maxStates = this.awareness.meta.size + this.owners.lookupsPerMessage;
    try {
      entries = decodeEntries(update, maxStates);
    } catch {
      return { code: YjsCloseCode.malformed, reason: 'malformed awareness' };
    }
    if (entries === TOO_MANY) {
      return { code: YjsCloseCode.rateLimited, reason: 'too many awareness states' };
    }
    // States the server already holds at this clock or later change nothing: usually echoes of
    // what it sent, they need no look-up.
    const news = entries.filter((entry) => this.wouldChange(entry));
    const resolved = await this.owners.resolveOwners(
      this.docName,
      news.map((entry) => entry.clientId),
      peer.personId,
      peer,
    );
    if (!resolved.ok) return { code: YjsCloseCode.rateLimited, reason: resolved.reason };
    const own = news.filter((entry) => resolved.owners.get(entry.clientId) === peer.personId);
    const refused = entries.length - own.length;
    if (own.length === 0) return { refused };
    const user = presenceUserOf({ id: peer.personId, name: peer.displayName });
    // An honest page already names itself as the server would: then its bytes are used as
    // they came, applied and relayed without being written again.
    const asSent =
      refused === 0 &&
      own.every(
        ({ state }) =>
          state === null ||
          (typeof state === 'object' && sameUser((state as { user?: unknown }).user, user)),
      );
    const applied = asSent
      ? update
      : encodeEntries(
          own.map((entry) => ({
            ...entry,
            state:
              typeof entry.state === 'object' && entry.state !== null
                ? { ...(entry.state as Record<string, unknown>), user }
                : null,
          })),
        );
    this.applyingNow = { bytes: applied, states: own.length };
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, applied, peer);
    } finally {
      this.applyingNow = null;
    }
    return { refused };
  }

  /**
   * While a peer's update is being applied: its bytes (every state the sender's own, in the
   * server's words, each checked to change something) and how many states they hold. When as
   * many changed, the bytes are exactly the change to relay.
   */
  get applying(): { bytes: Uint8Array; states: number } | null {
    return this.applyingNow;
  }

  /** As `applyAwarenessUpdate` decides: a later clock, or a removal of a state still held. */
  private wouldChange({ clientId, clock, state }: AwarenessEntry): boolean {
    const current = this.awareness.meta.get(clientId)?.clock;
    if (current === undefined || current < clock) return true;
    return current === clock && state === null && this.awareness.states.has(clientId);
  }
}
