/** Where each board lives in the app, so every page, notification and e-mail links to it alike. */
import { meetingIdOfSlot } from '../domain/boards/board-sections.js';
import { parseDocName } from './doc-names.js';
import { parseMeetingId } from './meeting.js';

const setPart = (setId: string) => `/sets/${encodeURIComponent(setId)}`;

/** The set board: ground rules and objectives. */
export function setBoardPath(setId: string): string {
  return `${setPart(setId)}/board`;
}

/** A meeting's board: expectations or report-backs, and the process review. */
export function meetingBoardPath(setId: string, meetingIndex: number): string {
  return `${setPart(setId)}/meetings/${meetingIndex}/board`;
}

/** A presenter's slot board. */
export function slotBoardPath(setId: string, meetingIndex: number, slotId: string): string {
  return `${setPart(setId)}/meetings/${meetingIndex}/slots/${encodeURIComponent(slotId)}`;
}

/** The signed-in person's own learning log. */
export const LEARNING_LOG_PATH = '/log';

/** The page that shows the board stored as `docName`; null for a name that is no board. */
export function boardPathOf(docName: string): string | null {
  const parsed = parseDocName(docName);
  if (!parsed) return null;
  if (parsed.kind === 'set') return setBoardPath(parsed.id);
  if (parsed.kind === 'log') return LEARNING_LOG_PATH;
  const meetingId = parsed.kind === 'meeting' ? parsed.id : meetingIdOfSlot(parsed.id);
  const meeting = parseMeetingId(meetingId ?? '');
  if (!meeting) return null;
  return parsed.kind === 'meeting'
    ? meetingBoardPath(meeting.setId, meeting.meetingIndex)
    : slotBoardPath(meeting.setId, meeting.meetingIndex, parsed.id);
}
