/**
 * One WebSocket speaking the y-websocket protocol for one document. Messages that arrive while
 * the document is still loading are held and handled in order once it is ready.
 */
import type { WebSocket } from 'ws';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import * as decoding from 'lib0/decoding';
import { MAX_YJS_MESSAGE_BYTES, YJS_NOTICE_RECEIPT, YjsCloseCode } from '@setboard/shared';
import type { Logger } from '../../logger.js';
import type { DocRegistry } from './doc-registry.js';
import { MessageType, SyncMessageType } from './messages.js';
import type { DocPeer, PeerIdentity } from './doc-peer.js';
import type { SharedDoc } from './shared-doc.js';

/**
 * Per-connection budget (docs/protocol.md, Y12): each message costs a point plus one per 16 KiB.
 * Fast typing with cursors is a few dozen messages a second; a flood is closed with 4429.
 */
export const YJS_CONNECTION_BUDGET = { points: 600, durationSeconds: 10, bytesPerPoint: 16_384 };

/**
 * Liveness (docs/protocol.md Y19): every 1.5 s the server sends an empty awareness message (a
 * standard provider applies it as "nothing changed" but counts it as a sign of life, so a page
 * notices a dead connection within five seconds) and a WebSocket ping; a connection that leaves
 * three pings unanswered is dropped, so its presence goes as soon.
 */
export const YJS_HEARTBEAT_MS = 1_500;
const MISSED_PONGS_ALLOWED = 3;
/** Message type 1 (awareness) carrying an update with zero states. */
const HEARTBEAT_MESSAGE = Uint8Array.of(MessageType.awareness, 1, 0);

/**
 * A sync step 2 may be larger than other messages (Y22): a page re-syncing a board with a long
 * history sends its whole delete set, which the doc then takes out as already known.
 */
function largestAccepted(message: Uint8Array, maxSyncBytes: number): number {
  const isSyncStep2 = message[0] === MessageType.sync && message[1] === SyncMessageType.step2;
  return isSyncStep2 ? maxSyncBytes : MAX_YJS_MESSAGE_BYTES;
}

function messageCost(message: Uint8Array): number {
  return 1 + Math.floor(message.byteLength / YJS_CONNECTION_BUDGET.bytesPerPoint);
}

/**
 * What sending `bytes` costs (a sync step 2 answering a step 1): a point per 16 KiB begun, at
 * most half the budget, so a board of any size can still be opened and written to.
 */
function sendingCost(bytes: number): number {
  const cost = Math.ceil(bytes / YJS_CONNECTION_BUDGET.bytesPerPoint);
  return Math.min(cost, YJS_CONNECTION_BUDGET.points / 2);
}

export function serveYjsConnection(
  socket: WebSocket,
  docName: string,
  deps: {
    registry: DocRegistry;
    logger: Logger;
    /** The largest sync step 2 taken (a re-sync, Y22); other messages: `MAX_YJS_MESSAGE_BYTES`. */
    maxSyncBytes: number;
    identity: PeerIdentity;
    /**
     * Asked again once the peer is in the doc. Access removed between the upgrade's check and
     * joining would otherwise be missed: removal closes the peers it finds, and this peer was not
     * there yet (docs/protocol.md Y11).
     */
    stillAdmitted: () => Promise<boolean>;
  },
): void {
  const log = deps.logger.child({ doc: docName, personId: deps.identity.personId });
  const budget = new RateLimiterMemory({
    points: YJS_CONNECTION_BUDGET.points,
    duration: YJS_CONNECTION_BUDGET.durationSeconds,
  });
  let overBudget = false;
  const peer: DocPeer = {
    ...deps.identity,
    spend: (bytes) =>
      budget.consume('connection', sendingCost(bytes)).then(
        () => !overBudget,
        () => {
          overBudget = true;
          return false;
        },
      ),
    send: (message) => {
      if (socket.readyState === socket.OPEN) socket.send(message);
    },
    close: (code, reason) => {
      if (socket.readyState === socket.OPEN || socket.readyState === socket.CONNECTING) {
        socket.close(code, reason);
      }
    },
  };
  let shared: SharedDoc | null = null;
  const early: Uint8Array[] = [];
  // Messages are handled in arrival order, each once its cost is granted.
  let inOrder: Promise<void> = Promise.resolve();
  const handle = (message: Uint8Array) => {
    if (shared) handleMessage(shared, peer, message, log);
    else early.push(message);
  };

  let missedPongs = 0;
  const heartbeat = setInterval(() => {
    if (socket.readyState !== socket.OPEN) return;
    if (missedPongs >= MISSED_PONGS_ALLOWED) {
      log.debug('no answer to three pings: dropping the connection');
      socket.terminate();
      return;
    }
    missedPongs += 1;
    socket.ping();
    socket.send(HEARTBEAT_MESSAGE);
  }, YJS_HEARTBEAT_MS);
  heartbeat.unref();
  socket.on('pong', () => {
    missedPongs = 0;
  });

  socket.binaryType = 'nodebuffer';
  socket.on('message', (data: Buffer, isBinary: boolean) => {
    const message = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    if (!isBinary || message.byteLength > largestAccepted(message, deps.maxSyncBytes)) {
      const code = isBinary ? YjsCloseCode.tooLarge : YjsCloseCode.malformed;
      log.warn({ bytes: message.byteLength, type: message[0] }, 'refused a message');
      peer.close(code, isBinary ? 'message too large' : 'binary messages only');
      return;
    }
    inOrder = inOrder.then(
      () =>
        budget.consume('connection', messageCost(message)).then(
          () => {
            if (!overBudget) handle(message);
          },
          () => {
            // Nothing after the first refusal is handled: the connection is closing.
            overBudget = true;
            peer.close(YjsCloseCode.rateLimited, 'too many messages');
          },
        ),
      () => undefined,
    );
  });
  socket.on('close', () => {
    clearInterval(heartbeat);
    if (shared) deps.registry.leave(shared, peer);
  });
  socket.on('error', (error) => log.warn({ err: error }, 'yjs socket error'));

  deps.registry.join(docName, peer).then(
    (joined) => {
      if (socket.readyState !== socket.OPEN) {
        deps.registry.leave(joined, peer);
        return;
      }
      shared = joined;
      void deps.stillAdmitted().then(
        (admitted) => {
          if (!admitted) peer.close(YjsCloseCode.forbidden, 'access removed');
        },
        (error: unknown) => {
          log.error({ err: error }, 'could not re-check access');
          peer.close(1011, 'try again');
        },
      );
      for (const message of early.splice(0)) handleMessage(joined, peer, message, log);
    },
    (error: unknown) => {
      log.error({ err: error }, 'could not open the document');
      peer.close(1011, 'could not open the document');
    },
  );
}

function handleMessage(shared: SharedDoc, peer: DocPeer, message: Uint8Array, log: Logger): void {
  try {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MessageType.sync:
        return handleSync(shared, peer, decoder);
      case MessageType.awareness:
        return shared.receiveAwareness(peer, decoding.readVarUint8Array(decoder));
      case MessageType.queryAwareness:
        return shared.sendAllAwareness(peer);
      case YJS_NOTICE_RECEIPT:
        return shared.receiveReceipt(peer, decoding.readVarString(decoder).slice(0, 64));
      default:
        peer.close(YjsCloseCode.malformed, 'unknown message type');
    }
  } catch (error) {
    log.warn({ err: error }, 'malformed y-websocket message');
    peer.close(YjsCloseCode.malformed, 'malformed message');
  }
}

function handleSync(shared: SharedDoc, peer: DocPeer, decoder: decoding.Decoder): void {
  const syncType = decoding.readVarUint(decoder);
  const payload = decoding.readVarUint8Array(decoder);
  if (decoding.hasContent(decoder)) {
    peer.close(YjsCloseCode.malformed, 'trailing bytes');
    return;
  }
  switch (syncType) {
    case SyncMessageType.step1:
      return shared.answerSyncStep1(peer, payload);
    case SyncMessageType.step2:
    case SyncMessageType.update:
      return shared.receiveUpdate(peer, payload);
    default:
      peer.close(YjsCloseCode.malformed, 'unknown sync message');
  }
}
