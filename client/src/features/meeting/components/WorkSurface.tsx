import { type MeetingState, type SetView, type Slot, meetingIdOf } from '@setboard/shared';
import { useBoardContext } from '../../../boards/realtime/use-board-context';
import { useBoardDoc } from '../../../boards/realtime/use-board-doc';
import { ActionsPanel } from '../../../boards/records/ActionsPanel';
import { useReportBackActions } from '../../../boards/records/use-report-back-actions';
import { ProcessReviewNotes } from '../../../boards/surfaces/meeting/components/ProcessReviewNotes';
import { RoundCards } from '../../../boards/surfaces/meeting/components/RoundCards';
import { meetingDocName } from '../../../boards/surfaces/meeting/lib/meeting-board-api';
import { roundCardRoot } from '../../../boards/surfaces/meeting/lib/round-cards';
import { GroundRules } from '../../../boards/surfaces/set/components/GroundRules';
import { SetObjectives } from '../../../boards/surfaces/set/components/SetObjectives';
import { setDocName } from '../../../boards/surfaces/set/lib/set-board-api';
import { IssueSection } from '../../../boards/surfaces/slot/components/IssueSection';
import { QuestionsSection } from '../../../boards/surfaces/slot/components/QuestionsSection';
import { ReflectionsSection } from '../../../boards/surfaces/slot/components/ReflectionsSection';
import { SummarySection } from '../../../boards/surfaces/slot/components/SummarySection';
import type { SlotBoardView } from '../../../boards/surfaces/slot/lib/slot-board-view';
import { useQuestions } from '../../../boards/surfaces/slot/hooks/use-questions';
import { Loading } from '../../../ui/problem-pages';
import { AdviceAlert } from './AdviceAlert';

export interface WorkSurfaceProps {
  set: SetView;
  meetingIndex: number;
  state: MeetingState;
  selfId: string;
  nameOf: (personId: string) => string;
  /** The server's time now, corrected for this device's clock. */
  now: () => number;
}

/**
 * The current stage's work, live, beside the agenda and the floor: the same components the
 * boards use (client/src/boards/surfaces), opened on the board the stage writes to.
 */
export function WorkSurface(props: WorkSurfaceProps) {
  const { state } = props;
  switch (state.phase) {
    case 'contracting':
    case 'objectives':
      return <SetSurface {...props} />;
    case 'expectations_round':
    case 'check_in':
    case 'process_review':
    case 'closing':
      return <MeetingSurface {...props} />;
    case 'slot': {
      const slot = state.slots.find((candidate) => candidate.id === state.currentSlotId);
      return slot ? <SlotSurface key={slot.id} {...props} slot={slot} /> : null;
    }
    default:
      return null;
  }
}

/** The set's board: the ground rules while contracting, the objectives while reviewing them. */
function SetSurface({ set, state, selfId }: WorkSurfaceProps) {
  const docName = setDocName(set.id);
  const board = useBoardDoc(docName);
  const context = useBoardContext(docName, set, state);
  if (!board.doc) return <Loading />;
  return (
    <div data-testid="work-surface" className="app-work-surface">
      {state.phase === 'contracting' ? (
        <GroundRules
          doc={board.doc}
          awareness={board.awareness}
          context={context}
          set={set}
          selfId={selfId}
        />
      ) : (
        <SetObjectives doc={board.doc} context={context} set={set} selfId={selfId} />
      )}
    </div>
  );
}

/** The meeting's board: expectations or report-back cards, or the process review notes. */
function MeetingSurface({ set, meetingIndex, state, selfId }: WorkSurfaceProps) {
  const docName = meetingDocName(meetingIdOf(set.id, meetingIndex));
  const board = useBoardDoc(docName);
  const context = useBoardContext(docName, set, state);
  const reportBacks = useReportBackActions(set.id, meetingIndex);
  if (!board.doc) return <Loading />;
  const inRound = state.phase === 'expectations_round' || state.phase === 'check_in';
  return (
    <div data-testid="work-surface" className="app-work-surface">
      {inRound ? (
        <RoundCards
          doc={board.doc}
          awareness={board.awareness}
          context={context}
          set={set}
          meeting={state}
          root={roundCardRoot(meetingIndex + 1)}
          selfId={selfId}
          {...(meetingIndex > 0 ? { reportBacks } : {})}
        />
      ) : (
        <ProcessReviewNotes doc={board.doc} awareness={board.awareness} context={context} />
      )}
    </div>
  );
}

/** The presenter's board, showing what this stage of their slot works on. */
function SlotSurface(props: WorkSurfaceProps & { slot: Slot }) {
  const { set, meetingIndex, state, selfId, nameOf, now, slot } = props;
  const docName = `slot:${slot.id}` as const;
  const doc = useBoardDoc(docName);
  const context = useBoardContext(docName, set, state);
  const questions = useQuestions(doc.doc);
  if (!doc.doc) return <Loading />;
  const board: SlotBoardView = {
    set,
    meetingIndex,
    slot,
    state,
    now,
    selfId,
    nameOf,
    doc: doc.doc,
    awareness: doc.awareness,
    context,
    isPresenter: slot.presenterId === selfId,
  };
  const nextMeeting = set.meetings[meetingIndex + 1];
  return (
    <div data-testid="work-surface" className="app-work-surface">
      {state.actingFacilitatorId === selfId && (
        <AdviceAlert questions={questions} nameOf={nameOf} />
      )}
      {(() => {
        switch (slot.stage) {
          case 'contracting':
          case 'presenting':
            return <IssueSection board={board} />;
          case 'clarifying':
          case 'exploring':
            return <QuestionsSection board={board} synced={doc.synced} />;
          case 'reflecting_back':
          case 'offers':
            return <ReflectionsSection board={board} />;
          case 'action_planning':
            return (
              <>
                <ActionsPanel
                  doc={board.doc}
                  context={board.context}
                  defaultDue={nextMeeting?.date ?? ''}
                />
                <QuestionsSection board={board} synced={doc.synced} />
              </>
            );
          default:
            return <SummarySection board={board} />;
        }
      })()}
    </div>
  );
}
