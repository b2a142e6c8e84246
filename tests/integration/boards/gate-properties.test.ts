/**
 * [AT-D3] A seeded property test of the write gate with real providers: two to six peers (some of
 * them the same person in two tabs) make random edits to the meeting board — their own and
 * others' expectations cards, and the process review notes — with random disconnects, while the
 * facilitator moves the expectations round on between epochs. Afterwards every peer and the
 * store agree, every allowed edit is there, and no forbidden text survives anywhere: not in any
 * doc, not in the store, not in any update another peer received.
 *
 * The oracle is written out here (not taken from `mayWrite`): a card is writable by its owner on
 * their turn in the round; the process review notes by the facilitator.
 */
import * as Y from 'yjs';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { personalRoot, type MeetingState } from '@setboard/shared';
import { boardFixture } from '../../support/board-fixture.js';
import {
  connectBoard,
  proseOf,
  typeParagraph,
  type BoardTestClient,
} from '../../support/board-client.js';
import type { TestPerson } from '../../support/actors.js';

const SEED = 42;
const RUNS = 25;

type Action =
  | { kind: 'edit'; peer: number; target: number | 'own' | 'processReview' }
  | { kind: 'disconnect'; peer: number }
  | { kind: 'reconnect'; peer: number };

const action = (peers: number): fc.Arbitrary<Action> =>
  fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record({
        kind: fc.constant('edit' as const),
        peer: fc.nat(peers - 1),
        // 'own': the writer's own card, so allowed edits are common when it is their turn.
        target: fc.oneof(
          fc.nat(3),
          fc.constant('own' as const),
          fc.constant('processReview' as const),
        ),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant('disconnect' as const), peer: fc.nat(peers - 1) }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant('reconnect' as const), peer: fc.nat(peers - 1) }),
    },
  );

const scenario = fc.array(fc.nat(3), { minLength: 2, maxLength: 6 }).chain((peerPeople) =>
  fc.record({
    peerPeople: fc.constant(peerPeople),
    epochs: fc.array(fc.array(action(peerPeople.length), { maxLength: 8 }), {
      minLength: 2,
      maxLength: 4,
    }),
  }),
);

/** The oracle: may `writer` write `root` while the meeting is in `state`? */
function allowed(state: MeetingState, writer: string, facilitator: string, owner: string | null) {
  if (owner === null) return writer === facilitator;
  const onTurn =
    state.phase === 'expectations_round' && state.round?.order[state.round.index] === owner;
  return writer === owner && onTurn;
}

interface Written {
  marker: string;
  root: string;
  allowed: boolean;
  peer: number;
}

describe('[AT-D3] random allowed and forbidden edits, disconnects and stage changes', () => {
  it(`[AT-D3] all peers converge and no forbidden content survives (seed ${SEED})`, async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ peerPeople, epochs }) => {
        const f = await boardFixture();
        try {
          const people: TestPerson[] = [f.fran, f.pat, f.mo, f.ann].map((client) => client.person);
          await f.advanceUntil((state) => state.phase === 'expectations_round', 'the round');
          const docName = `meeting:${f.meetingId}`;
          const peers: BoardTestClient[] = peerPeople.map((index) =>
            connectBoard(f.server.url, docName, people[index]!),
          );
          await Promise.all(peers.map((peer) => peer.synced()));
          const written: Written[] = [];
          const reconnectAll = async () => {
            for (const peer of peers) if (!peer.provider.shouldConnect) peer.provider.connect();
            await Promise.all(peers.map((peer) => peer.synced()));
          };

          for (const [epoch, actions] of epochs.entries()) {
            const state = f.fran.state;
            for (const step of actions) {
              const peer = peers[step.peer]!;
              if (step.kind === 'disconnect') peer.provider.disconnect();
              else if (step.kind === 'reconnect') {
                if (!peer.provider.shouldConnect) peer.provider.connect();
              } else {
                const writer = people[peerPeople[step.peer]!]!.personId;
                const target = step.target === 'own' ? peerPeople[step.peer]! : step.target;
                const owner = target === 'processReview' ? null : people[target]!.personId;
                const root = owner === null ? 'processReview' : personalRoot('expectations', owner);
                const marker = `M${epoch}x${written.length}x${Math.random().toString(36).slice(2, 7)}`;
                typeParagraph(peer.doc, root, marker);
                written.push({
                  marker,
                  root,
                  peer: step.peer,
                  allowed: allowed(state, writer, people[0]!.personId, owner),
                });
              }
            }
            // Offline edits reach the server when their peer comes back, still in this epoch.
            await reconnectAll();
            await converged(peers);
            if (epoch < epochs.length - 1) {
              const { version } = await f.fran.do({ type: 'stage:advance' });
              await f.fran.waitForVersion(version);
            }
          }

          const stored = await f.server.store.loadDoc(docName);
          const storedDoc = new Y.Doc();
          for (const update of stored.updates) Y.applyUpdate(storedDoc, update);
          const storedBytes = stored.updates.map((update) => Buffer.from(update).toString('utf8'));
          for (const edit of written) {
            for (const peer of [...peers, { doc: storedDoc }]) {
              expect(proseOf(peer.doc, edit.root).includes(edit.marker), edit.marker).toBe(
                edit.allowed,
              );
            }
            if (!edit.allowed) {
              expect(storedBytes.some((bytes) => bytes.includes(edit.marker))).toBe(false);
              const sender = peers[edit.peer]!;
              for (const peer of peers) {
                if (peer !== sender)
                  expect(peer.everReceived(edit.marker), edit.marker).toBe(false);
              }
            }
          }
          for (const peer of peers) peer.destroy();
        } finally {
          await f.server.close();
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
  }, 240_000);
});

/** Waits until every peer holds the same state (Yjs converges once state vectors match). */
async function converged(peers: BoardTestClient[]): Promise<void> {
  await vi.waitFor(
    () => {
      const vectors = new Set(
        peers.map((peer) => Buffer.from(Y.encodeStateVector(peer.doc)).toString('hex')),
      );
      const deletes = new Set(
        peers.map((peer) => Buffer.from(Y.encodeStateAsUpdate(peer.doc)).toString('hex')),
      );
      expect(vectors.size, 'state vectors agree').toBe(1);
      expect(deletes.size, 'whole states agree').toBe(1);
    },
    { timeout: 20_000, interval: 10 },
  );
}
