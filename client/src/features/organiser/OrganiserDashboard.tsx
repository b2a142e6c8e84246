import { Link } from 'react-router';
import { useApiGet } from '../../api/use-api-get';
import { useSession } from '../../session/session-context';
import { FlashBanner } from '../../ui/flash';
import { ApiProblemPage, Loading, NoAccessPage, SignInNeededPage } from '../../ui/problem-pages';
import { PageHeading } from '../../ui/route-focus';
import { ALL_SETS_PATH, AllSetsReply } from './api/organiser-api';
import { AllSetsTable } from './components/AllSetsTable';
import { OrganiserInvitations } from './components/OrganiserInvitations';
import { SetBookingsLinks } from './components/SetBookingsLinks';

/** `/organiser`: every set and its mix, and invitations for further organisers. */
export function OrganiserDashboard() {
  const person = useSession().view.person;
  if (!person) return <SignInNeededPage />;
  if (!person.isOrganiser) return <NoAccessPage />;
  return <Dashboard />;
}

function Dashboard() {
  const { result, reload } = useApiGet(ALL_SETS_PATH, AllSetsReply);
  if (result.state === 'failed') return <ApiProblemPage error={result.error} onRetry={reload} />;
  return (
    <>
      <FlashBanner />
      <PageHeading>Organiser dashboard</PageHeading>
      <p className="nhsuk-body">
        You can see who is in each set and when it meets. What is said and written in a set stays
        with its members and facilitator.
      </p>
      <h2 className="nhsuk-heading-m">Sets</h2>
      <Link to="/organiser/sets/new" className="nhsuk-button">
        Create a set
      </Link>
      {result.state === 'loading' ? <Loading /> : <AllSetsTable sets={result.data.sets} />}
      {result.state === 'ready' && <SetBookingsLinks sets={result.data.sets} />}
      <OrganiserInvitations />
    </>
  );
}
