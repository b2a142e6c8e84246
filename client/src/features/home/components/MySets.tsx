import { Link } from 'react-router';
import { useApiGet } from '../../../api/use-api-get';
import { FlashBanner } from '../../../ui/flash';
import { ApiProblemPage, Loading } from '../../../ui/problem-pages';
import { PageHeading } from '../../../ui/route-focus';
import { MY_SETS_PATH, MySetsReply } from '../api/my-sets';
import { SetCards } from './SetCards';

/** "My sets": every set the signed-in person belongs to. */
export function MySets({ isOrganiser }: { isOrganiser: boolean }) {
  const { result, reload } = useApiGet(MY_SETS_PATH, MySetsReply);
  if (result.state === 'failed') return <ApiProblemPage error={result.error} onRetry={reload} />;
  return (
    <>
      <FlashBanner />
      <PageHeading>My sets</PageHeading>
      {isOrganiser && (
        <p className="nhsuk-body">
          <Link to="/organiser" className="nhsuk-link">
            Go to the organiser dashboard
          </Link>{' '}
          to create sets and invite people.
        </p>
      )}
      {result.state === 'loading' ? (
        <Loading />
      ) : result.data.sets.length === 0 ? (
        <p className="nhsuk-body" data-testid="no-sets">
          You are not in any sets yet. When you accept an invitation, the set appears here.
        </p>
      ) : (
        <SetCards sets={result.data.sets} />
      )}
    </>
  );
}
