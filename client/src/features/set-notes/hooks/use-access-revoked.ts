import { useEffect, useState } from 'react';
import { useRealtime } from '../../../realtime/realtime-context';

/** True once the server has said this person no longer has access to the set (H5). */
export function useAccessRevoked(setId: string): boolean {
  const { socket } = useRealtime();
  const [revokedSetId, setRevokedSetId] = useState<string | null>(null);

  useEffect(() => {
    const onRevoked = (fact: { setId: string }): void => {
      if (fact.setId === setId) setRevokedSetId(setId);
    };
    socket.on('access:revoked', onRevoked);
    return () => {
      socket.off('access:revoked', onRevoked);
    };
  }, [socket, setId]);

  return revokedSetId === setId;
}
