/** Where each board lives in the app, so every page links to them the same way. */

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
