import type { AckError, QuestionCommand, QuestionCommandReply } from '@setboard/shared';
import { useCallback } from 'react';
import { useRealtime } from '../../../realtime/realtime-context';
import { CommandTimeoutError, sendCommand } from '../../../realtime/socket';
import { describeRefusal } from '../../../live-meeting/use-meeting';

export type QuestionOutcome =
  | { ok: true; reply: QuestionCommandReply }
  | { ok: false; message: string; error: AckError | null };

/** Sends `question:command` and turns the acknowledgement into something to show. */
export function useQuestionCommand(): (command: QuestionCommand) => Promise<QuestionOutcome> {
  const { socket } = useRealtime();
  return useCallback(
    async (command) => {
      try {
        const result = await sendCommand(socket, 'question:command', command);
        if (result.ok) return { ok: true, reply: result.data };
        return { ok: false, message: describeRefusal(result.error), error: result.error };
      } catch (error) {
        const message =
          error instanceof CommandTimeoutError
            ? 'The server did not answer. Check your connection, then try again.'
            : 'Something went wrong. Try again.';
        return { ok: false, message, error: null };
      }
    },
    [socket],
  );
}
