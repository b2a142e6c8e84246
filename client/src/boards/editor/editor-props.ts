/**
 * What a board's rich-text field is given. A module of its own because both the field
 * (CollaborativeEditor) and the editor it loads lazily (TipTapEditor) need it.
 */
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';

export interface CollaborativeEditorProps {
  /** The board section this field edits (a root `Y.XmlFragment` of the board's doc). */
  fragment: Y.XmlFragment;
  /** The board's awareness, for other people's named carets; null while it is not open. */
  awareness: Awareness | null;
  label: string;
  hint?: string;
  /** Whether this person may write here now (the write rules decide: `mayWrite`). */
  editable: boolean;
  /** Why not, shown beside the field when it is locked. */
  lockedReason?: string;
  /** The editable region's id; the label, hint and reason ids are made from it. */
  id: string;
  /**
   * Whether the person with this id may write here: only their carets are shown in this field.
   * Without it, everyone's are (for fields only one person ever opens).
   */
  writers?: (personId: string) => boolean;
  /**
   * The id of a notice above the section's fields that already says, once, why this person
   * cannot write there: the field points to it (aria-describedby) instead of repeating it.
   */
  lockedNoticeId?: string;
}
