/**
 * [AT-RS2][Y20] Client ids and awareness are bounded: an update with structs under 50,000 new
 * client ids, and an awareness message with 20,000 states, each close their sender with 4429
 * without the server binding them one by one; while it happens `/healthz`, a Socket.IO command
 * and another board each answer within 100 ms of their worst in a baseline taken just before.
 */
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { YjsCloseCode } from '@setboard/shared';
import { setWithPeople, type TestPerson } from '../../support/actors.js';
import { awarenessMessage, closeCode, openRaw, updateMessage } from '../../support/raw-yjs.js';
import { connectSocket, waitForConnect } from '../../support/socket-client.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import {
  boardPinger,
  describeLatencies,
  probeRounds,
  probeUntil,
  worst,
  type ProbeLatencies,
  type Probes,
} from '../../support/server-probes.js';
import { CLIENT_IDS_COLLECTION } from '../../../server/src/boards/client-ids.js';

const ALLOWANCE_MS = 100;

/** A V1 update of one collected struct under each of `count` client ids (small, so it fits). */
function structsUnderManyClients(count: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, count);
  for (let index = 0; index < count; index++) {
    encoding.writeVarUint(encoder, 1); // one struct
    encoding.writeVarUint(encoder, 10_000 + index); // client
    encoding.writeVarUint(encoder, 0); // clock
    encoding.writeUint8(encoder, 0); // a collected range…
    encoding.writeVarUint(encoder, 1); // …of length 1
  }
  encoding.writeVarUint(encoder, 0); // no deletions
  return encoding.toUint8Array(encoder);
}

/** An awareness update with a state under each of `count` client ids. */
function manyAwarenessStates(count: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, count);
  for (let index = 0; index < count; index++) {
    encoding.writeVarUint(encoder, 200_000 + index);
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarString(encoder, '{"cursor":null}');
  }
  return encoding.toUint8Array(encoder);
}

function expectWithinBaseline(during: ProbeLatencies, baseline: ProbeLatencies) {
  for (const name of ['health', 'command', 'board'] as const) {
    expect(worst(during[name]), name).toBeLessThanOrEqual(worst(baseline[name]) + ALLOWANCE_MS);
  }
}

describe('[AT-RS2] client-id and awareness floods', () => {
  let server: TestServer;
  let attacker: TestPerson;
  let docName: string;
  let probes: Probes;

  const bindingsOf = async (person: TestPerson) =>
    (await server.store.list<{ personId: string }>(CLIENT_IDS_COLLECTION)).filter(
      (binding) => binding.value.personId === person.personId,
    ).length;

  /** Sends `message` as the attacker and probes the server until the connection closes. */
  const attack = async (message: Uint8Array, label: string) => {
    const baseline = await probeRounds(probes, 20);
    const socket = await openRaw(server.url, docName, attacker);
    let code: number | null = null;
    void closeCode(socket).then((closed) => (code = closed));
    socket.send(message);
    const during = await probeUntil(probes, () => code !== null);
    console.info(describeLatencies(`[AT-RS2] ${label} baseline`, baseline));
    console.info(describeLatencies(`[AT-RS2] ${label} during`, during));
    expect(code).toBe(YjsCloseCode.rateLimited);
    expectWithinBaseline(during, baseline);
  };

  it('[AT-RS2][Y20] 50,000 new client ids in one update, then 20,000 awareness states: closed with 4429, nothing bound, everyone else answered at once', async () => {
    server = await startTestServer();
    const people = await setWithPeople(server.url, await server.setupUrl(), 2);
    const [mo, ann] = people.members as [TestPerson, TestPerson];
    attacker = mo;
    docName = `set:${people.set.id}`;
    const command = connectSocket(server.url, { as: people.facilitator });
    await waitForConnect(command);
    const otherBoard = await openRaw(server.url, `log:${ann.personId}`, ann);
    probes = { serverUrl: server.url, command, board: boardPinger(otherBoard) };
    await probeRounds(probes, 10); // warm up

    const update = updateMessage(structsUnderManyClients(50_000));
    await attack(update, '50,000 client ids');
    const awareness = awarenessMessage(manyAwarenessStates(20_000));
    await attack(awareness, '20,000 awareness states');
    expect(await bindingsOf(mo)).toBe(0);
  }, 120_000);
});
