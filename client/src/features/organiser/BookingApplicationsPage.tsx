import { SetBookings } from '@setboard/shared';
import { useParams } from 'react-router';
import { useApiGet } from '../../api/use-api-get';
import { useSession } from '../../session/session-context';
import { BackLink } from '../../ui/BackLink';
import { CopyField } from '../../ui/CopyField';
import { countOf } from '../../ui/format';
import { ApiProblemPage, Loading, SignInNeededPage } from '../../ui/problem-pages';
import { PageHeading } from '../../ui/route-focus';
import { Tag } from '../../ui/Tag';
import { CLOSED_REASONS } from './components/booking-text';
import { ApplicationCard } from './components/ApplicationCard';
import { BookingSettingsForm } from './components/BookingSettingsForm';

/** `/organiser/sets/:setId/bookings`: the booking page, and applications beside the mix check. */
export function BookingApplicationsPage() {
  const person = useSession().view.person;
  const { setId = '' } = useParams();
  if (!person) return <SignInNeededPage />;
  return <Applications setId={setId} isOrganiser={person.isOrganiser} />;
}

function Applications({ setId, isOrganiser }: { setId: string; isOrganiser: boolean }) {
  const { result, reload, replace } = useApiGet(`/api/sets/${setId}/bookings`, SetBookings);
  if (result.state === 'failed') return <ApiProblemPage error={result.error} onRetry={reload} />;
  if (result.state === 'loading') return <Loading />;
  const bookings = result.data;
  const pending = bookings.applications.filter(
    (a) => a.status === 'received' || a.status === 'question',
  );
  const decided = bookings.applications.filter((a) => !pending.includes(a));
  return (
    <>
      <BackLink to={`/sets/${setId}`}>Back to the set</BackLink>
      <PageHeading caption={bookings.setName} title={`Bookings: ${bookings.setName}`}>
        Bookings
      </PageHeading>
      <p className="nhsuk-body" data-testid="bookings-state">
        {bookings.closedReason === null ? (
          <Tag label="Taking bookings" colour="green" />
        ) : (
          <Tag label={CLOSED_REASONS[bookings.closedReason]} colour="grey" />
        )}{' '}
        {countOf(bookings.placesLeft, 'place')} left.
      </p>
      {bookings.settings && (
        <CopyField
          id="booking-link"
          label="Booking page to share"
          value={bookings.settings.url}
          hint="Anyone with this link can book a place. They need no account."
        />
      )}
      {isOrganiser && (
        <details className="nhsuk-details" open={!bookings.settings}>
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">Booking settings</span>
          </summary>
          <div className="nhsuk-details__text">
            <BookingSettingsForm setId={setId} settings={bookings.settings} onSaved={replace} />
          </div>
        </details>
      )}
      <h2 className="nhsuk-heading-m">The set’s mix now</h2>
      {bookings.mix.length === 0 ? (
        <p className="nhsuk-body">No warnings.</p>
      ) : (
        <ul className="nhsuk-list nhsuk-list--bullet" data-testid="set-mix">
          {bookings.mix.map((warning) => (
            <li key={warning.message}>{warning.message}</li>
          ))}
        </ul>
      )}
      <h2 className="nhsuk-heading-m">Waiting for a decision ({pending.length})</h2>
      {pending.length === 0 ? (
        <p className="nhsuk-body">None.</p>
      ) : (
        <ul className="nhsuk-list" data-testid="pending-applications">
          {pending.map((application) => (
            <ApplicationCard
              key={application.id}
              setId={setId}
              application={application}
              onChanged={replace}
            />
          ))}
        </ul>
      )}
      {decided.length > 0 && (
        <>
          <h2 className="nhsuk-heading-m">Decided ({decided.length})</h2>
          <ul className="nhsuk-list" data-testid="decided-applications">
            {decided.map((application) => (
              <ApplicationCard
                key={application.id}
                setId={setId}
                application={application}
                onChanged={replace}
              />
            ))}
          </ul>
        </>
      )}
    </>
  );
}
