import {
  type MyActionsView,
  type OwnedAction,
  type OwnedObjective,
  slotBoardPath,
} from '@setboard/shared';
import { Link } from 'react-router';
import { useApiGet } from '../../api/use-api-get';
import { ObjectiveChart } from '../../boards/records/ObjectiveChart';
import { describeDate } from '../../boards/records/record-dates';
import { ACTION_STATUS_LABELS, OBJECTIVE_STATUS_LABELS } from '../../boards/records/status-labels';
import { SummaryRows } from '../../boards/records/SummaryRows';
import { useSession } from '../../session/session-context';
import { BackLink } from '../../ui/BackLink';
import { formatMoment } from '../../ui/format';
import { ApiProblemPage, Loading, SignInNeededPage } from '../../ui/problem-pages';
import { PageHeading } from '../../ui/route-focus';
import { Tag } from '../../ui/Tag';
import { MY_ACTIONS_PATH, MyActionsReply } from './api/my-actions-api';
import { ActionProgressForm } from './components/ActionProgressForm';
import { CalendarFeed } from './components/CalendarFeed';
import '../../boards/records/records.css';

/** `/actions`: every action I own across my sets, by due date, and my objectives over time. */
export function MyActionsPage() {
  const person = useSession().view.person;
  if (!person) return <SignInNeededPage />;
  return <LoadedActions />;
}

function LoadedActions() {
  const { result, reload, replace } = useApiGet(MY_ACTIONS_PATH, MyActionsReply);
  if (result.state === 'failed') return <ApiProblemPage error={result.error} onRetry={reload} />;
  if (result.state === 'loading') return <Loading />;
  const view = result.data;
  const onSaved = (updated: OwnedAction) =>
    replace({
      ...view,
      actions: view.actions.map((owned) =>
        owned.slotId === updated.slotId && owned.actionId === updated.actionId ? updated : owned,
      ),
    });
  return (
    <>
      <BackLink to="/">Back to My sets</BackLink>
      <PageHeading title="My actions">My actions</PageHeading>
      <p className="nhsuk-body">
        The actions you took away from your slots, across all your sets, with the soonest due first.
        Update them as you go: you report back on them at the next meeting’s check-in.
      </p>
      <Actions view={view} onSaved={onSaved} />
      <Objectives objectives={view.objectives} />
      <CalendarFeed />
    </>
  );
}

function Actions({ view, onSaved }: { view: MyActionsView; onSaved: (a: OwnedAction) => void }) {
  if (view.actions.length === 0) {
    return (
      <p className="nhsuk-body" data-testid="no-my-actions">
        You have no actions yet. They appear here once you add them to your slot’s board.
      </p>
    );
  }
  const overdue = view.actions.filter((owned) => owned.overdue).length;
  return (
    <section aria-labelledby="my-actions-heading" className="app-records">
      <h2 className="nhsuk-heading-m" id="my-actions-heading">
        Actions
      </h2>
      {overdue > 0 && (
        <p className="nhsuk-body" data-testid="overdue-count">
          <Tag label="Overdue" colour="red" />{' '}
          {overdue === 1 ? '1 action is' : `${overdue} actions are`} past its due date.
        </p>
      )}
      <ol className="nhsuk-list app-records__list" data-testid="my-actions">
        {view.actions.map((owned) => (
          <li
            key={`${owned.slotId}-${owned.actionId}`}
            className="nhsuk-card app-record"
            data-testid="my-action"
          >
            <div className="nhsuk-card__content">
              <ActionCard owned={owned} onSaved={onSaved} />
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

function ActionCard({ owned, onSaved }: { owned: OwnedAction; onSaved: (a: OwnedAction) => void }) {
  const { action } = owned;
  return (
    <>
      <h3 className="nhsuk-heading-s">
        {action.what} {owned.overdue && <Tag label="Overdue" colour="red" />}
      </h3>
      <SummaryRows
        rows={[
          { key: 'Due by', value: describeDate(action.due) },
          { key: 'Status', value: <Tag {...ACTION_STATUS_LABELS[action.status]} /> },
          {
            key: 'From',
            value: (
              <Link to={slotBoardPath(owned.setId, owned.meetingIndex, owned.slotId)}>
                Your slot at meeting {owned.meetingIndex + 1} of {owned.setName}
              </Link>
            ),
          },
          { key: 'How I will know', value: action.howWillIKnow },
        ]}
      />
      {action.progress.length > 0 && (
        <>
          <h4 className="nhsuk-heading-xs">Progress notes</h4>
          <ul className="nhsuk-list" data-testid="progress-notes">
            {action.progress.map((note) => (
              <li key={note.at}>
                <span className="app-secondary-line">
                  {formatMoment(note.at)}: {ACTION_STATUS_LABELS[note.status].label}
                </span>
                {note.note}
              </li>
            ))}
          </ul>
        </>
      )}
      <ActionProgressForm owned={owned} onSaved={onSaved} />
    </>
  );
}

function Objectives({ objectives }: { objectives: readonly OwnedObjective[] }) {
  return (
    <section aria-labelledby="my-objectives-heading" className="app-records">
      <h2 className="nhsuk-heading-m" id="my-objectives-heading">
        Objectives
      </h2>
      {objectives.length === 0 ? (
        <p className="nhsuk-body">No objectives yet. Your set agrees them at its first meetings.</p>
      ) : (
        <ul className="nhsuk-list app-records__list" data-testid="my-objectives">
          {objectives.map((owned) => (
            <li key={`${owned.setId}-${owned.objectiveId}`} className="nhsuk-card app-record">
              <div className="nhsuk-card__content">
                <h3 className="nhsuk-heading-s">{owned.objective.statement}</h3>
                <p className="nhsuk-body-s">
                  {owned.scope === 'set' ? 'The set’s objective' : 'Your objective'} in{' '}
                  {owned.setName} <Tag {...OBJECTIVE_STATUS_LABELS[owned.objective.status]} />
                </p>
                <ObjectiveChart objective={owned.objective} meetingCount={owned.meetingCount} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
