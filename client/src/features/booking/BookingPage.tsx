import { BookingPageView, type BookingClosedReason } from '@setboard/shared';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useApiGet } from '../../api/use-api-get';
import { CopyField } from '../../ui/CopyField';
import { MeetingsSummary } from '../../ui/MeetingsSummary';
import { ApiProblemPage, Loading } from '../../ui/problem-pages';
import { PageHeading } from '../../ui/route-focus';
import { ApplicationForm } from './components/ApplicationForm';

export const CLOSED_TEXT: Record<BookingClosedReason, string> = {
  closed_by_organiser: 'This set is not taking bookings at the moment.',
  full: 'Bookings have closed: every place is taken.',
  past_closing_date: 'Bookings have closed: the closing date has passed.',
};

/** `/book/:code`: a set's public booking page. No account needed. */
export function BookingPage() {
  const { code = '' } = useParams();
  const { result, reload } = useApiGet(
    `/api/bookings/${encodeURIComponent(code)}`,
    BookingPageView,
  );
  const [statusUrl, setStatusUrl] = useState<string | null>(null);
  if (result.state === 'failed') return <ApiProblemPage error={result.error} onRetry={reload} />;
  if (result.state === 'loading') return <Loading />;
  const page = result.data;
  if (statusUrl) return <Applied setName={page.setName} statusUrl={statusUrl} />;
  return (
    <>
      <Link to="/book" className="nhsuk-back-link">
        All sets taking bookings
      </Link>
      <PageHeading caption="Action learning set" title={`Book a place: ${page.setName}`}>
        {page.setName}
      </PageHeading>
      <p className="nhsuk-body-l app-preserve-lines">{page.purpose}</p>
      <h2 className="nhsuk-heading-m">Planned dates</h2>
      <MeetingsSummary meetings={page.meetings} />
      <h2 className="nhsuk-heading-m">What we ask of you</h2>
      <p className="nhsuk-body">{page.commitment}</p>
      {page.closesOn && page.open && (
        <p className="nhsuk-body">Bookings close at the end of {page.closesOn}.</p>
      )}
      {page.open ? (
        <ApplicationForm code={page.code} commitment={page.commitment} onApplied={setStatusUrl} />
      ) : (
        <div className="nhsuk-inset-text" data-testid="bookings-closed">
          <p>
            {page.closedReason ? CLOSED_TEXT[page.closedReason] : CLOSED_TEXT.closed_by_organiser}
          </p>
        </div>
      )}
    </>
  );
}

function Applied({ setName, statusUrl }: { setName: string; statusUrl: string }) {
  return (
    <>
      <div className="nhsuk-panel" data-testid="booking-sent">
        <h1 className="nhsuk-panel__title">Booking sent</h1>
        <div className="nhsuk-panel__body">Thank you for booking a place in {setName}.</div>
      </div>
      <h2 className="nhsuk-heading-m">What happens next</h2>
      <p className="nhsuk-body">
        The organiser looks at every booking and may ask you a question. Your status page shows any
        question, and whether your place is confirmed. Keep its link: it is only for you.
      </p>
      <CopyField id="status-link" label="Your booking status page" value={statusUrl} />
      <p className="nhsuk-body">
        <a href={statusUrl}>Open your status page</a>
      </p>
    </>
  );
}
