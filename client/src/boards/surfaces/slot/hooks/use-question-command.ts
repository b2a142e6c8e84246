import {
  QUESTION_COMMANDS,
  type AckError,
  type QuestionCommand,
  type QuestionCommandReply,
} from '@setboard/shared';
import { useCallback } from 'react';
import { useRealtime } from '../../../../realtime/realtime-context';
import { describeCommandFailure, sendCommand } from '../../../../realtime/socket';
import { describeRefusal } from '../../../../live-meeting/use-meeting';

export type QuestionOutcome =
  | { ok: true; reply: QuestionCommandReply }
  | { ok: false; message: string; error: AckError | null };

/** Sends a question command (`question:ask`…) and turns the acknowledgement into something to show. */
export function useQuestionCommand(): (command: QuestionCommand) => Promise<QuestionOutcome> {
  const { socket } = useRealtime();
  return useCallback(
    async (command) => {
      try {
        const { type, ...payload } = command;
        const result = await sendCommand(socket, QUESTION_COMMANDS[type].event, payload);
        if (result.ok) return { ok: true, reply: result.data };
        return { ok: false, message: describeRefusal(result.error), error: result.error };
      } catch (error) {
        return { ok: false, message: describeCommandFailure(error), error: null };
      }
    },
    [socket],
  );
}
