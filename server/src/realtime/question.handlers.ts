/**
 * `question:command` over Socket.IO (docs/protocol.md, Q1–Q6): authorised by set membership in
 * `onCommand`, then the question service checks the meeting and writes the slot doc. A question
 * that counts toward the floor changes the meeting, which is published after the ack.
 */
import type { Socket } from 'socket.io';
import { ackError, ackOk } from '@setboard/shared';
import type { QuestionService } from '../boards/question-service.js';
import type { PublishChange } from '../meetings/meeting-clock.js';
import { onCommand, type CommandDeps } from './command.js';

export interface QuestionHandlerDeps extends CommandDeps {
  questions: QuestionService;
  publish: PublishChange;
}

export function registerQuestionHandlers(socket: Socket, deps: QuestionHandlerDeps): void {
  onCommand(socket, 'question:command', deps, async (command, { actor, afterAck }) => {
    const outcome = await deps.questions.run(command, actor.personId);
    if (!outcome.ok) return ackError(outcome.code, outcome.message, outcome.issues);
    const change = outcome.meetingChange;
    if (change) afterAck(() => deps.publish(change.meeting, change.events));
    return ackOk(outcome.reply);
  });
}
