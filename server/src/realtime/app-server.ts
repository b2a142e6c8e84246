/**
 * The Socket.IO server's type: the event maps from `shared/` plus the messages instances send
 * each other. A module of its own so the handlers and broadcasters can name the server without
 * importing the module that builds it.
 */
import type { Server } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from '@setboard/shared';

/** Messages between server instances (through the adapter). */
export interface InterServerEvents {
  'access:revoked': (setId: string, personId: string) => void;
  'session:ended': (sessionKey: string) => void;
  /** A doc was rebuilt (erasure, repair): close its connections with 4410 (Y14). */
  'doc:rebuilt': (docName: string) => void;
  /** A meeting reached `version`; its next tick is due at `dueAt` (null: nothing due). */
  'meeting:rearm': (meetingId: string, version: number, dueAt: number | null) => void;
}

export type AppServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;
