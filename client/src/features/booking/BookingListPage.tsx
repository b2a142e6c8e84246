import { ListedBookings } from '@setboard/shared';
import { Link } from 'react-router';
import { useApiGet } from '../../api/use-api-get';
import { countOf, formatMeetingWhen } from '../../ui/format';
import { ApiProblemPage, Loading } from '../../ui/problem-pages';
import { PageHeading } from '../../ui/route-focus';

/** `/book`: the sets taking bookings whose organisers chose to list them here. */
export function BookingListPage() {
  const { result, reload } = useApiGet('/api/bookings', ListedBookings);
  if (result.state === 'failed') return <ApiProblemPage error={result.error} onRetry={reload} />;
  if (result.state === 'loading') return <Loading />;
  const { pages } = result.data;
  return (
    <>
      <PageHeading>Book a place in an action learning set</PageHeading>
      {pages.length === 0 ? (
        <p className="nhsuk-body">No sets are taking bookings here at the moment.</p>
      ) : (
        <ul className="nhsuk-list" data-testid="listed-bookings">
          {pages.map((page) => (
            <li key={page.code} className="nhsuk-card">
              <div className="nhsuk-card__content">
                <h2 className="nhsuk-heading-s">
                  <Link to={`/book/${page.code}`}>{page.setName}</Link>
                </h2>
                <p className="nhsuk-body-s">
                  {page.meetings[0] ? `First meeting ${formatMeetingWhen(page.meetings[0])}. ` : ''}
                  {countOf(page.placesLeft, 'place')} left.
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
