import { CollaborativeEditor } from '../../../boards/editor/CollaborativeEditor';
import { fieldAccess } from '../../../boards/realtime/board-context';
import type { SlotBoardView } from '../lib/slot-board-view';

interface BoardFieldProps {
  board: SlotBoardView;
  /** The root section, e.g. `issueStatement` or `reflections:<personId>`. */
  rootName: string;
  id: string;
  label: string;
  hint?: string;
}

/** One prose section of the slot board, locked or open exactly as the write gate decides. */
export function BoardField({ board, rootName, id, label, hint }: BoardFieldProps) {
  const access = fieldAccess(board.context, rootName);
  return (
    <CollaborativeEditor
      fragment={board.doc.getXmlFragment(rootName)}
      awareness={board.awareness}
      id={id}
      label={label}
      {...(hint ? { hint } : {})}
      editable={access.editable}
      {...(access.editable ? {} : { lockedReason: access.reason })}
    />
  );
}
