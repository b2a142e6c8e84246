/**
 * The Socket.IO event maps, declared once and used by both the server (`Server<…>`) and the
 * client (`Socket<…>`), so event names and payloads cannot drift apart.
 *
 * Commands (client → server) take an `unknown` payload because the server validates every
 * payload with the zod schema named in `CommandSchemas` before it trusts it; the client's typed
 * helper narrows the payload to the schema's input type.
 */
import type { z } from 'zod';
import type { AckResult } from './ack.js';
import { ClockSyncRequest, type ClockSyncReply } from './clock.js';
import {
  MeetingCommandRequest,
  MeetingOpenRequest,
  MeetingSubscribeRequest,
  type MeetingChanged,
  type MeetingCommandReply,
  type MeetingOpenReply,
  type MeetingSnapshot,
} from './meeting.js';
import type { ServerNotice } from './notice.js';
import {
  QuestionAskRequest,
  QuestionDeleteRequest,
  QuestionEditRequest,
  QuestionMarkHelpedRequest,
  QuestionWithdrawRequest,
  SlotClearRecordRequest,
  type QuestionCommandReply,
} from './questions.js';

/** Command name → zod schema of its payload. The server parses with these. */
export const CommandSchemas = {
  'clock:sync': ClockSyncRequest,
  'meeting:open': MeetingOpenRequest,
  'meeting:subscribe': MeetingSubscribeRequest,
  'meeting:command': MeetingCommandRequest,
  'question:ask': QuestionAskRequest,
  'question:edit': QuestionEditRequest,
  'question:withdraw': QuestionWithdrawRequest,
  'question:mark-helped': QuestionMarkHelpedRequest,
  'question:delete': QuestionDeleteRequest,
  'slot:clear-record': SlotClearRecordRequest,
} as const;

export type CommandName = keyof typeof CommandSchemas;

/** Command name → the data in a successful acknowledgement. */
export interface CommandReplies {
  'clock:sync': ClockSyncReply;
  'meeting:open': MeetingOpenReply;
  'meeting:subscribe': MeetingSnapshot;
  'meeting:command': MeetingCommandReply;
  'question:ask': QuestionCommandReply;
  'question:edit': QuestionCommandReply;
  'question:withdraw': QuestionCommandReply;
  'question:mark-helped': QuestionCommandReply;
  'question:delete': QuestionCommandReply;
  'slot:clear-record': QuestionCommandReply;
}

/** The payload a well-behaved client sends for a command. */
export type CommandPayload<N extends CommandName> = z.input<(typeof CommandSchemas)[N]>;

/** Socket.IO map of events the client emits. */
export type ClientToServerEvents = {
  [N in CommandName]: (
    payload: unknown,
    ack: (result: AckResult<CommandReplies[N]>) => void,
  ) => void;
};

/** Socket.IO map of events the server emits (facts, in the past tense or as notices). */
export interface ServerToClientEvents {
  'server:notice': (notice: ServerNotice) => void;
  /** You no longer have access to this set; the connection closes right after. */
  'access:revoked': (fact: { setId: string }) => void;
  /** A meeting you subscribed to has a new state (docs/protocol.md, M5). */
  'meeting:changed': (fact: MeetingChanged) => void;
  /** The facilitator opened one of your set's meetings: its room is ready (M10). */
  'meeting:opened': (fact: { meetingId: string }) => void;
  /** Someone in this set changed an action's status between meetings (report-backs refresh). */
  'actions:changed': (fact: { setId: string }) => void;
  /** Your notification centre changed: how many are unread now. */
  'notifications:changed': (fact: { unread: number }) => void;
}

/** Per-socket data the server keeps (set by handshake middleware). */
export interface SocketData {
  protocolVersion: number;
  personId: string;
  isOrganiser: boolean;
  /** The session behind the connection (its stored key, not the token). */
  sessionKey: string;
}

/** Path the Socket.IO server listens on. */
export const SOCKET_IO_PATH = '/socket.io';
/** Path prefix of the y-websocket endpoint: a doc is served at `${YJS_PATH}/<doc name>`. */
export const YJS_PATH = '/yjs';
