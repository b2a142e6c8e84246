import { z } from 'zod';

/** What a Socket.IO client sends in `auth` when it connects. */
export const HandshakeAuth = z.object({
  protocolVersion: z.number().int().nonnegative(),
});
export type HandshakeAuth = z.infer<typeof HandshakeAuth>;

/** What the server attaches to a refused handshake (`connect_error.data`). */
export const HandshakeRefusal = z.object({
  code: z.string(),
  serverProtocolVersion: z.number().int().optional(),
});
export type HandshakeRefusal = z.infer<typeof HandshakeRefusal>;
