import { CollaborativeEditor } from '../../../editor/CollaborativeEditor';
import { fieldAccess, fieldWriters } from '../../../realtime/board-context';
import '../slot-surfaces.css';
import type { SlotBoardView } from '../lib/slot-board-view';

interface BoardFieldProps {
  board: SlotBoardView;
  /** The root section, e.g. `issueStatement` or `reflections:<personId>`. */
  rootName: string;
  id: string;
  label: string;
  hint?: string;
  /** The section's one notice of why fields are locked (`SectionLockNotice`). */
  lockedNoticeId?: string;
}

/** One prose section of the slot board, locked or open exactly as the write gate decides. */
export function BoardField(props: BoardFieldProps) {
  const { board, rootName, id, label, hint, lockedNoticeId } = props;
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
      writers={fieldWriters(board.context, board.set, rootName)}
      {...(lockedNoticeId ? { lockedNoticeId } : {})}
    />
  );
}
