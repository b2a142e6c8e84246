/**
 * The question commands over Socket.IO (docs/protocol.md, Q1–Q6): `question:ask`,
 * `question:edit`, `question:withdraw`, `question:mark-helped`, `question:delete` and
 * `slot:clear-record`. Each is authorised by set membership in `onCommand`; the question service
 * then checks the meeting, the author or presenter, and writes the slot doc. A question that
 * counts toward the floor changes the meeting, which is published after the ack.
 */
import type { Socket } from 'socket.io';
import {
  ackError,
  ackOk,
  QUESTION_COMMANDS,
  type QuestionCommand,
  type QuestionCommandType,
} from '@setboard/shared';
import type { QuestionService } from '../boards/question-service.js';
import type { PublishChange } from '../meetings/meeting-clock.js';
import { onCommand, type CommandDeps } from './command.js';

export interface QuestionHandlerDeps extends CommandDeps {
  questions: QuestionService;
  publish: PublishChange;
}

export function registerQuestionHandlers(socket: Socket, deps: QuestionHandlerDeps): void {
  const handle = <T extends QuestionCommandType>(type: T) =>
    onCommand(socket, QUESTION_COMMANDS[type].event, deps, async (payload, { actor, afterAck }) => {
      const command = { type, ...payload } as QuestionCommand;
      const outcome = await deps.questions.run(command, actor.personId);
      if (!outcome.ok) return ackError(outcome.code, outcome.message, outcome.issues);
      const change = outcome.meetingChange;
      if (change) afterAck(() => deps.publish(change.meeting, change.events));
      return ackOk(outcome.reply);
    });
  for (const type of Object.keys(QUESTION_COMMANDS) as QuestionCommandType[]) handle(type);
}
