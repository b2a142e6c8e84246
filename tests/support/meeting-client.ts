/**
 * A person in a live meeting over a real Socket.IO connection: subscribes, sends reducer
 * commands, and keeps every `meeting:changed` it receives, so tests assert on what was broadcast
 * and wait for states rather than for time.
 */
import { expect, vi } from 'vitest';
import type {
  AckResult,
  MeetingChanged,
  MeetingCommand,
  MeetingCommandReply,
  MeetingOpenReply,
  MeetingSnapshot,
  MeetingState,
  QuestionCommandReply,
} from '@setboard/shared';
import type { TestPerson } from './actors.js';
import { connectSocket, waitForConnect, type TestSocket } from './socket-client.js';

/** Opens the set's planned meeting `meetingIndex` as `facilitator`; returns its id. */
export async function openMeeting(
  serverUrl: string,
  facilitator: TestPerson,
  setId: string,
  meetingIndex: number,
): Promise<string> {
  const socket = connectSocket(serverUrl, { as: facilitator });
  await waitForConnect(socket);
  const reply = (await socket.emitWithAck('meeting:open', {
    setId,
    meetingIndex,
  })) as AckResult<MeetingOpenReply>;
  socket.disconnect();
  if (!reply.ok) throw new Error(`meeting:open answered ${reply.error.code}`);
  return reply.data.meetingId;
}

export class MeetingClient {
  /** Every `meeting:changed` for this meeting, in arrival order. */
  readonly changes: MeetingChanged[] = [];
  /** The newest state seen (subscribe reply or broadcast), by version. */
  latest: MeetingSnapshot | null = null;

  constructor(
    readonly person: TestPerson,
    readonly socket: TestSocket,
    readonly meetingId: string,
  ) {
    socket.on('meeting:changed', (fact) => {
      if (fact.meetingId !== meetingId) return;
      this.changes.push(fact);
      this.see(fact);
    });
  }

  /** Connects as `person`; subscribes unless told not to. */
  static async connect(
    serverUrl: string,
    person: TestPerson,
    meetingId: string,
    options: { subscribe?: boolean } = {},
  ): Promise<MeetingClient> {
    const socket = connectSocket(serverUrl, { as: person });
    await waitForConnect(socket);
    const client = new MeetingClient(person, socket, meetingId);
    if (options.subscribe ?? true) await client.subscribe();
    return client;
  }

  async subscribe(): Promise<MeetingSnapshot> {
    const reply = await this.trySubscribe();
    if (!reply.ok) throw new Error(`${this.person.name} could not subscribe: ${reply.error.code}`);
    this.see(reply.data);
    return reply.data;
  }

  trySubscribe(): Promise<AckResult<MeetingSnapshot>> {
    return this.socket.emitWithAck('meeting:subscribe', {
      meetingId: this.meetingId,
    }) as Promise<AckResult<MeetingSnapshot>>;
  }

  get state(): MeetingState {
    if (!this.latest) throw new Error(`${this.person.name} has no meeting state yet`);
    return this.latest.state;
  }

  get version(): number {
    return this.latest?.version ?? 0;
  }

  send(command: MeetingCommand, expectedVersion?: number): Promise<AckResult<MeetingCommandReply>> {
    return this.socket.emitWithAck('meeting:command', {
      meetingId: this.meetingId,
      command,
      ...(expectedVersion === undefined ? {} : { expectedVersion }),
    }) as Promise<AckResult<MeetingCommandReply>>;
  }

  /** Puts a question to the presenter of `slotId` (`question:ask`). */
  ask(slotId: string, text: string): Promise<AckResult<QuestionCommandReply>> {
    return this.socket.emitWithAck('question:ask', { slotId, text }) as Promise<
      AckResult<QuestionCommandReply>
    >;
  }

  /** Sends a command that must be accepted. */
  async do(command: MeetingCommand): Promise<MeetingCommandReply> {
    const reply = await this.send(command);
    if (!reply.ok) {
      throw new Error(`${this.person.name} ${command.type} was refused: ${reply.error.code}`);
    }
    return reply.data;
  }

  /** Waits until a broadcast (or the subscription) shows a state that passes `check`. */
  async waitFor(
    check: (state: MeetingState) => boolean,
    what = 'the expected state',
  ): Promise<MeetingState> {
    await vi.waitFor(
      () =>
        expect(this.latest && check(this.latest.state), `${this.person.name}: ${what}`).toBe(true),
      { timeout: 10_000, interval: 5 },
    );
    return this.state;
  }

  /** Waits until this client has seen `version`. */
  async waitForVersion(version: number): Promise<MeetingState> {
    await vi.waitFor(
      () => expect(this.version, `${this.person.name} at version`).toBeGreaterThanOrEqual(version),
      { timeout: 10_000, interval: 5 },
    );
    return this.state;
  }

  /** The broadcasts with versions in (after, upTo]. */
  changesBetween(after: number, upTo = Infinity): MeetingChanged[] {
    return this.changes.filter((change) => change.version > after && change.version <= upTo);
  }

  private see(snapshot: MeetingSnapshot): void {
    if (!this.latest || snapshot.version > this.latest.version) this.latest = snapshot;
  }
}

/** Where the meeting is: phase, slot stage, turn holder and floor holder. */
export function positionOf(state: MeetingState) {
  const slot = state.slots.find((candidate) => candidate.id === state.currentSlotId);
  return {
    phase: state.phase,
    stage: slot?.stage ?? null,
    turn: state.round ? (state.round.order[state.round.index] ?? null) : null,
    floor: state.queue.floor?.personId ?? null,
  };
}
