import { BoardConnection } from './BoardConnection';
import { RefusedWriteNotice } from './RefusedWriteNotice';
import type { BoardDoc } from './use-board-doc';

/** Above every board: whether it is connected, and any change the server refused (with text). */
export function BoardStatus({
  board,
}: {
  board: Pick<BoardDoc, 'status' | 'notices' | 'dismissNotice'>;
}) {
  return (
    <>
      <BoardConnection status={board.status} />
      {board.notices.map(({ id, notice }) => (
        <RefusedWriteNotice
          key={id}
          id={`notice-${id}`}
          notice={notice}
          onDismiss={() => board.dismissNotice(id)}
        />
      ))}
    </>
  );
}
