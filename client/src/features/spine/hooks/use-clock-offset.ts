import { estimateClockOffsetMs } from '@setboard/shared';
import { useEffect, useState } from 'react';
import { type AppSocket, sendCommand } from '../../../realtime/socket';

export type ClockOffset =
  | { kind: 'measuring' }
  | { kind: 'measured'; offsetMs: number; roundTripMs: number }
  | { kind: 'failed' };

/** Measures how far the server's clock is from ours with `clock:sync`, on every (re)connect. */
export function useClockOffset(socket: AppSocket): ClockOffset {
  const [offset, setOffset] = useState<ClockOffset>({ kind: 'measuring' });

  useEffect(() => {
    let current = true;
    const measure = async (): Promise<void> => {
      const clientSentAt = Date.now();
      try {
        const result = await sendCommand(socket, 'clock:sync', { clientSentAt });
        const receivedAt = Date.now();
        if (!current) return;
        setOffset(
          result.ok
            ? {
                kind: 'measured',
                offsetMs: estimateClockOffsetMs(result.data, receivedAt),
                roundTripMs: receivedAt - clientSentAt,
              }
            : { kind: 'failed' },
        );
      } catch {
        if (current) setOffset({ kind: 'failed' });
      }
    };
    const onConnect = (): void => void measure();
    socket.on('connect', onConnect);
    if (socket.connected) onConnect();
    return () => {
      current = false;
      socket.off('connect', onConnect);
    };
  }, [socket]);

  return offset;
}
