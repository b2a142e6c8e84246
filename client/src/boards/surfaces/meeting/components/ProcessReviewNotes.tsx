import type { BoardWriteContext } from '@setboard/shared';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { CollaborativeEditor } from '../../../editor/CollaborativeEditor';
import { fieldAccess } from '../../../realtime/board-context';

interface ProcessReviewNotesProps {
  doc: Y.Doc;
  awareness: Awareness | null;
  /** Null until the meeting's state is known: everything stays locked until then. */
  context: BoardWriteContext | null;
}

/** The meeting's process review notes (rule W8): on the meeting board and in the room. */
export function ProcessReviewNotes({ doc, awareness, context }: ProcessReviewNotesProps) {
  const access = fieldAccess(context, 'processReview');
  return (
    <section aria-labelledby="process-review-heading">
      <h2 className="nhsuk-heading-m" id="process-review-heading">
        Process review
      </h2>
      <CollaborativeEditor
        id="process-review"
        fragment={doc.getXmlFragment('processReview')}
        awareness={awareness}
        label="Process review notes"
        hint="How the set worked today, and anything to change in the ground rules."
        editable={access.editable}
        {...(access.editable ? {} : { lockedReason: access.reason })}
      />
    </section>
  );
}
