/**
 * The realtime protocol version. Client and server must agree exactly: a client built for another
 * version is refused at the Socket.IO handshake with `protocol_mismatch` and asked to reload.
 * Bump it whenever an event, payload or close code changes meaning.
 */
export const PROTOCOL_VERSION = 1;
