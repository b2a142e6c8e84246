import { useCallback, useState } from 'react';
import { useRealtime } from '../../../realtime/realtime-context';
import { describeCommandFailure, sendCommand } from '../../../realtime/socket';
import { describeRefusal } from '../../../live-meeting/use-meeting';

/** `meeting:open` for the facilitator: makes the live meeting (idempotent, M1). */
export function useOpenMeeting(setId: string, meetingIndex: number) {
  const { socket } = useRealtime();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const open = useCallback(async (): Promise<boolean> => {
    setBusy(true);
    setProblem(null);
    try {
      const result = await sendCommand(socket, 'meeting:open', { setId, meetingIndex });
      if (!result.ok) setProblem(describeRefusal(result.error));
      return result.ok;
    } catch (error) {
      setProblem(describeCommandFailure(error));
      return false;
    } finally {
      setBusy(false);
    }
  }, [socket, setId, meetingIndex]);

  return { open, busy, problem };
}
