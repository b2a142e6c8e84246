import { Done } from '@setboard/shared';
import { useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { apiRequest } from '../../api/api-request';
import { toApiError } from '../../api/api-error';
import { readLinkToken } from '../../ui/link-token';
import { Loading } from '../../ui/problem-pages';
import { PageHeading } from '../../ui/route-focus';
import { useNoReferrer } from '../../ui/use-no-referrer';

/** `/unsubscribe#<token>`: the link in every reminder e-mail; one click stops them. */
export function UnsubscribePage() {
  useNoReferrer();
  const { hash } = useLocation();
  const [token] = useState(() => readLinkToken(hash));
  const [outcome, setOutcome] = useState<'working' | 'done' | string>(token ? 'working' : 'broken');
  useEffect(() => {
    if (!token) return;
    apiRequest('POST', '/api/reminder-mail/unsubscribe', { body: { token }, schema: Done }).then(
      () => setOutcome('done'),
      (error: unknown) => setOutcome(toApiError(error).message),
    );
  }, [token]);
  if (outcome === 'working') return <Loading />;
  return (
    <>
      <PageHeading>
        {outcome === 'done'
          ? 'You will get no more reminder e-mails'
          : 'We could not unsubscribe you'}
      </PageHeading>
      <p className="nhsuk-body">
        {outcome === 'done'
          ? 'Your reminders stay in Setboard. You can turn e-mails on again on your Notifications page.'
          : outcome === 'broken'
            ? 'This link is not complete. Copy all of it from the e-mail, or change your setting on your Notifications page.'
            : outcome}
      </p>
      <p className="nhsuk-body">
        <Link to="/notifications">Go to your Notifications</Link>
      </p>
    </>
  );
}
