import { GivenBackPanel } from './GivenBackPanel';
import type { BoardDoc } from './use-board-doc';

/**
 * Above every board: the words the server gave back, one panel per section. Whether the board
 * is connected is said once per page, by the connection indicator at the top
 * (`ConnectionStatus`), which speaks for every document the page has open.
 */
export function BoardStatus({
  board,
  boardName,
}: {
  board: Pick<BoardDoc, 'givenBack' | 'dismissGivenBack'>;
  /** What the board is called, e.g. "Amira Khan's slot board", for a kept log entry's title. */
  boardName: string;
}) {
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
    </>
  );
}
