/** Everything shared by server and client: wire protocol and pure domain rules. */
export * from './protocol/ack.js';
export * from './protocol/clock.js';
export * from './protocol/doc-names.js';
export * from './protocol/errors.js';
export * from './protocol/events.js';
export * from './protocol/handshake.js';
export * from './protocol/notice.js';
export * from './protocol/version.js';
export * from './protocol/yjs-close-codes.js';
export * from './protocol/zod-issues.js';
