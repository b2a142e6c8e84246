import {
  type BoardWriteContext,
  type DocName,
  YjsCloseCode,
  mayRebuildBoard,
} from '@setboard/shared';
import { GivenBackPanel } from './GivenBackPanel';
import { RebuildBoard } from './RebuildBoard';
import type { BoardDoc } from './use-board-doc';

/**
 * Above every board: the words the server gave back, one panel per section, and for whoever may
 * rebuild the board, the way to do it (open by itself once the board is full). Whether the board
 * is connected is said once per page, by the connection indicator at the top
 * (`ConnectionStatus`), which speaks for every document the page has open.
 */
export function BoardStatus({
  board,
  boardName,
  docName,
  context,
}: {
  board: Pick<BoardDoc, 'givenBack' | 'dismissGivenBack' | 'status'>;
  /** What the board is called, e.g. "Amira Khan's slot board", for a kept log entry's title. */
  boardName: string;
  docName: DocName;
  /** The signed-in person's standing on this board (null while it loads). */
  context: BoardWriteContext | null;
}) {
  const full = board.status.kind === 'closed' && board.status.code === YjsCloseCode.boardFull;
  return (
    <>
      {board.givenBack.map((entry, index) => (
        <GivenBackPanel
          key={entry.section}
          id={`given-back-${index}`}
          entry={entry}
          boardName={boardName}
          onDismiss={() => board.dismissGivenBack(entry.section)}
        />
      ))}
      {context && mayRebuildBoard(context) && <RebuildBoard docName={docName} full={full} />}
    </>
  );
}
