import { type Membership, SetView } from '@setboard/shared';
import { type ReactNode, useState } from 'react';
import { Link, useParams } from 'react-router';
import { toApiError } from '../../api/api-error';
import { useApiGet } from '../../api/use-api-get';
import { useSession } from '../../session/session-context';
import { BackLink } from '../../ui/BackLink';
import { FlashBanner } from '../../ui/flash';
import { LIFECYCLE_TAGS, ROLE_LABELS } from '../../ui/labels';
import { ApiProblemPage, Loading, SignInNeededPage } from '../../ui/problem-pages';
import { PageHeading } from '../../ui/route-focus';
import { Tag } from '../../ui/Tag';
import { setApiPath } from '../../ui/LoadedSet';
import { grantFacilitation, requestFacilitation } from './api/set-api';
import { FacilitationPanel } from './components/FacilitationPanel';
import { ManageMembers } from './components/ManageMembers';
import { AttendanceRecord } from './components/AttendanceRecord';
import { LastMeetingActions } from './components/LastMeetingActions';
import { MyAttendance } from './components/MyAttendance';
import { MeetingBoards } from './components/MeetingBoards';
import { CycleReportLinks } from './components/RecordLinks';
import { PrivacySettings } from './components/PrivacySettings';
import { MembersTable } from './components/MembersTable';
import { CompositionWarnings, SetMeetings, SetWaysOfWorking } from './components/SetDetails';

interface SetPageProps {
  /** The set's live content, for its members and facilitator (never for organisers). */
  renderContent: (setId: string) => ReactNode;
  /** The way into each planned meeting's room, under the meetings list. */
  renderMeetingRooms?: (set: SetView) => ReactNode;
}

/** `/sets/:setId`: the set, its people and dates; its notes and boards for those in it. */
export function SetPage(props: SetPageProps) {
  const { setId = '' } = useParams();
  const person = useSession().view.person;
  if (!person) return <SignInNeededPage />;
  return <LoadedSet setId={setId} viewerId={person.id} {...props} />;
}

function LoadedSet({
  setId,
  viewerId,
  ...render
}: SetPageProps & { setId: string; viewerId: string }) {
  const { result, reload, replace } = useApiGet(setApiPath(setId), SetView);
  if (result.state === 'failed') return <ApiProblemPage error={result.error} onRetry={reload} />;
  if (result.state === 'loading') return <Loading />;
  return <SetContent set={result.data} viewerId={viewerId} onSetChanged={replace} {...render} />;
}

interface SetContentProps extends SetPageProps {
  set: SetView;
  viewerId: string;
  onSetChanged: (set: SetView) => void;
}

function SetContent({
  set,
  viewerId,
  onSetChanged,
  renderContent,
  renderMeetingRooms,
}: SetContentProps) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const manages = set.viewerRole === 'organiser' || set.viewerRole === 'facilitator';

  const change = async (action: () => Promise<SetView>): Promise<void> => {
    setBusy(true);
    setProblem(null);
    try {
      onSetChanged(await action());
    } catch (error) {
      setProblem(toApiError(error).message);
    } finally {
      setBusy(false);
    }
  };
  const onRequest = () => void change(() => requestFacilitation(set.id));
  const onGrant = (member: Membership) =>
    void change(() => grantFacilitation(set.id, member.person.id));

  return (
    <>
      {set.viewerRole === 'organiser' ? (
        <BackLink to="/organiser">Back to the organiser dashboard</BackLink>
      ) : (
        <BackLink to="/">Back to My sets</BackLink>
      )}
      <FlashBanner />
      <PageHeading caption="Action learning set" title={set.name}>
        {set.name}
      </PageHeading>
      <p className="nhsuk-body app-set-tags">
        <Tag {...LIFECYCLE_TAGS[set.lifecycle]} />{' '}
        <span data-testid="viewer-role">You are: {ROLE_LABELS[set.viewerRole]}</span>
      </p>
      <p className="nhsuk-lede-text app-preserve-lines">{set.purpose}</p>
      {manages && <CompositionWarnings set={set} />}
      {problem && (
        <p className="nhsuk-error-message" role="alert">
          {problem}
        </p>
      )}
      {set.viewerRole !== 'organiser' && renderContent(set.id)}
      <SetMeetings set={set}>
        {set.viewerRole !== 'organiser' && renderMeetingRooms?.(set)}
      </SetMeetings>
      {manages && (
        <p className="nhsuk-body">
          <Link to={`/sets/${set.id}/edit`}>Change the set’s details, dates and settings</Link>
        </p>
      )}
      {set.viewerRole !== 'organiser' && <MyAttendance set={set} />}
      {set.viewerRole !== 'organiser' && <LastMeetingActions set={set} />}
      {set.viewerRole !== 'organiser' && <MeetingBoards set={set} />}
      {manages && <CycleReportLinks set={set} />}
      {manages && <PrivacySettings setId={set.id} />}
      {manages ? (
        <ManageMembers set={set} viewerId={viewerId} onSetChanged={onSetChanged} />
      ) : (
        <section aria-labelledby="members-heading">
          <h2 className="nhsuk-heading-m" id="members-heading">
            Members
          </h2>
          <MembersTable members={set.members} />
        </section>
      )}
      {manages && <AttendanceRecord set={set} />}
      <FacilitationPanel
        set={set}
        viewerId={viewerId}
        busy={busy}
        onRequest={onRequest}
        onGrant={onGrant}
      />
      <SetWaysOfWorking set={set} />
    </>
  );
}
