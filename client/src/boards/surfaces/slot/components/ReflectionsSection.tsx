import { personalRoot } from '@setboard/shared';
import { useMemo } from 'react';
import { fieldAccess } from '../../../realtime/board-context';
import { SectionLockNotice } from '../../../editor/SectionLockNotice';
import { useFilledRoots } from '../hooks/use-filled-roots';
import type { SlotBoardView } from '../lib/slot-board-view';
import { BoardField } from './BoardField';

/**
 * What each person reflects back to the presenter. Everyone writes only their own, and only
 * during reflecting back; the others' reflections are listed once they have written something.
 */
export function ReflectionsSection({ board }: { board: SlotBoardView }) {
  const others = useMemo(
    () =>
      board.state.roster
        .map((entry) => entry.personId)
        .filter((personId) => personId !== board.selfId),
    [board.state.roster, board.selfId],
  );
  const otherRoots = useMemo(
    () => others.map((personId) => personalRoot('reflections', personId)),
    [others],
  );
  const filled = new Set(useFilledRoots(board.doc, otherRoots));
  const written = others.filter((personId) => filled.has(personalRoot('reflections', personId)));
  const roots = [board.selfId, ...written].map((personId) => personalRoot('reflections', personId));
  const accesses = roots.map((root) => fieldAccess(board.context, root));
  return (
    <section className="app-board-section" aria-labelledby="reflections-heading">
      <h2 className="nhsuk-heading-m" id="reflections-heading">
        Reflections
      </h2>
      <SectionLockNotice id="reflections-locked" accesses={accesses} />
      <BoardField
        lockedNoticeId="reflections-locked"
        board={board}
        rootName={personalRoot('reflections', board.selfId)}
        id="my-reflections"
        label="Your reflections"
        hint="Briefly, what you heard and noticed. No advice."
      />
      {written.map((personId) => (
        <BoardField
          key={personId}
          board={board}
          rootName={personalRoot('reflections', personId)}
          id={`reflections-${personId}`}
          label={`Reflections from ${board.nameOf(personId)}`}
          lockedNoticeId="reflections-locked"
        />
      ))}
      {written.length === 0 && (
        <p className="nhsuk-body-s app-secondary-line">No one else has written reflections yet.</p>
      )}
    </section>
  );
}
