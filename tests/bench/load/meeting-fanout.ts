/**
 * Meeting-command fan-out for `bench:load`: `connections` Socket.IO connections subscribed to
 * one meeting, spread over the set's people as their tabs and devices would be. Members send
 * apologies and withdraw them, one command at a time; each command's time runs from its send to
 * the moment the last connection has heard the change (`meeting:changed` of its version).
 */
import type { Socket } from 'socket.io-client';
import {
  type AckResult,
  type MeetingChanged,
  type MeetingCommandReply,
  type MeetingOpenReply,
} from '@setboard/shared';
import { setWithPeople, type TestPerson } from '../../support/actors.js';
import { openSocket } from '../../support/socket-open.js';

export interface FanOutResult {
  connections: number;
  commands: number;
  p50: number;
  p99: number;
}

function connect(url: string, person: TestPerson): Promise<Socket> {
  const socket = openSocket(url, { as: person });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

async function ask<T>(socket: Socket, event: string, payload: unknown): Promise<T> {
  const reply = (await socket.emitWithAck(event, payload)) as AckResult<T>;
  if (!reply.ok) throw new Error(`${event} answered ${reply.error.code}: ${reply.error.message}`);
  return reply.data;
}

/** Who heard each version, and when the last of them did. */
class Arrivals {
  private readonly heard = new Map<number, { count: number; last: number }>();
  private waiting: { version: number; wanted: number; done: (at: number) => void } | null = null;

  note(version: number): void {
    const entry = this.heard.get(version) ?? { count: 0, last: 0 };
    entry.count += 1;
    entry.last = performance.now();
    this.heard.set(version, entry);
    this.settle();
  }

  /** Resolves with the time the `wanted`-th connection heard `version`. */
  allHeard(version: number, wanted: number): Promise<number> {
    return new Promise((done) => {
      this.waiting = { version, wanted, done };
      this.settle();
    });
  }

  private settle(): void {
    if (!this.waiting) return;
    const entry = this.heard.get(this.waiting.version);
    if (!entry || entry.count < this.waiting.wanted) return;
    const { done, version } = this.waiting;
    this.waiting = null;
    this.heard.delete(version);
    done(entry.last);
  }
}

export async function meetingFanOut(
  url: string,
  setupUrl: string,
  connections: number,
  commands: number,
): Promise<FanOutResult> {
  const { set, facilitator, members } = await setWithPeople(url, setupUrl, 8);
  const people = [facilitator, ...members];
  const opener = await connect(url, facilitator);
  const { meetingId } = await ask<MeetingOpenReply>(opener, 'meeting:open', {
    setId: set.id,
    meetingIndex: 0,
  });
  const arrivals = new Arrivals();
  const sockets: Socket[] = [];
  try {
    for (let index = 0; index < connections; index++) {
      const socket = await connect(url, people[index % people.length]!);
      socket.on('meeting:changed', (fact: MeetingChanged) => {
        if (fact.meetingId === meetingId) arrivals.note(fact.version);
      });
      await ask(socket, 'meeting:subscribe', { meetingId });
      sockets.push(socket);
    }
    // One sender socket per member (their own tab), not among the listeners' count.
    const senders = await Promise.all(members.map((member) => connect(url, member)));
    const latencies: number[] = [];
    for (let index = 0; index < commands; index++) {
      // Each member in turn sends apologies, then withdraws them: well inside their own budget.
      const sender = senders[Math.floor(index / 2) % senders.length]!;
      const type = index % 2 === 0 ? 'apologies:send' : 'apologies:withdraw';
      const sentAt = performance.now();
      const { version } = await ask<MeetingCommandReply>(sender, 'meeting:command', {
        meetingId,
        command: { type },
      });
      latencies.push((await arrivals.allHeard(version, connections)) - sentAt);
    }
    for (const sender of senders) sender.disconnect();
    const sorted = latencies.sort((a, b) => a - b);
    const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
    return { connections, commands, p50: at(0.5), p99: at(0.99) };
  } finally {
    opener.disconnect();
    for (const socket of sockets) socket.disconnect();
  }
}
