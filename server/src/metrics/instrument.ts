/**
 * Counting without touching the code that does the work: the store's appends and subscriptions,
 * the write gate's decisions and the y-websocket upgrades are observed from the outside.
 */
import type { Server as HttpServer } from 'node:http';
import type { Store } from '../store/store.js';
import type { Metrics } from './metrics.js';

/** Path prefix of the y-websocket endpoint (docs/protocol.md). */
const YJS_PATH_PREFIX = '/yjs/';

/**
 * The same store, counting appends (and how long each took to commit) and the docs held open:
 * every open doc keeps exactly one subscription to its updates.
 */
export function instrumentStore(store: Store, metrics: Metrics): Store {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'appendUpdate') {
        return async (docName: string, update: Uint8Array) => {
          const stop = metrics.appendSeconds.startTimer();
          await target.appendUpdate(docName, update);
          stop();
          metrics.appends.inc();
        };
      }
      if (property === 'subscribeDoc') {
        return async (...args: Parameters<Store['subscribeDoc']>) => {
          const unsubscribe = await target.subscribeDoc(...args);
          metrics.docsOpen.inc();
          let open = true;
          return async () => {
            if (open) metrics.docsOpen.dec();
            open = false;
            await unsubscribe();
          };
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      // Adapters keep state in private fields: their methods must run with the real `this`.
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Anything with the write gate's `bindAndJudge`: counts the updates it does not accept as sent. */
export function countGateRefusals<
  G extends { bindAndJudge(input: never): Promise<{ kind: string }> },
>(gate: G, metrics: Metrics): void {
  const judge = gate.bindAndJudge.bind(gate) as (input: never) => Promise<{ kind: string }>;
  gate.bindAndJudge = (async (input: never) => {
    const decision = await judge(input);
    if (decision.kind === 'revert' || decision.kind === 'close') {
      metrics.refusals.inc({ outcome: decision.kind });
    }
    return decision;
  }) as G['bindAndJudge'];
}

/** Counts y-websocket connections from their upgrade to their socket closing. */
export function countYjsConnections(httpServer: HttpServer, metrics: Metrics): void {
  httpServer.on('upgrade', (request: { url?: string }, socket: NodeJS.EventEmitter) => {
    if (!request.url?.startsWith(YJS_PATH_PREFIX)) return;
    metrics.yjsConnections.inc();
    socket.once('close', () => metrics.yjsConnections.dec());
  });
}
