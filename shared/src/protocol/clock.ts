import { z } from 'zod';

/** `clock:sync` request: the client's clock when it sent the request (epoch ms). */
export const ClockSyncRequest = z.object({
  clientSentAt: z.number().finite().nonnegative(),
});
export type ClockSyncRequest = z.infer<typeof ClockSyncRequest>;

/** `clock:sync` reply: echoes the client's time and adds the server's (epoch ms). */
export const ClockSyncReply = z.object({
  clientSentAt: z.number(),
  serverNow: z.number(),
});
export type ClockSyncReply = z.infer<typeof ClockSyncReply>;

/**
 * Estimates how far the server's clock is ahead of ours (ms), assuming the reply took as long
 * as the request (the NTP midpoint estimate).
 */
export function estimateClockOffsetMs(reply: ClockSyncReply, clientReceivedAt: number): number {
  const roundTripMs = clientReceivedAt - reply.clientSentAt;
  return reply.serverNow - (reply.clientSentAt + roundTripMs / 2);
}
