import { Link } from 'react-router';
import type { ApiError } from '../api/api-error';
import { PageHeading } from './route-focus';

export function NotFoundPage() {
  return (
    <>
      <PageHeading>Page not found</PageHeading>
      <p className="nhsuk-body">If you typed the web address, check it is correct.</p>
      <p className="nhsuk-body">
        If you pasted the web address, check you copied the entire address.
      </p>
      <p className="nhsuk-body">
        <Link to="/">Go to the Setboard home page</Link>
      </p>
    </>
  );
}

/** The "5xx" page: nothing the person did wrong, nothing they can fix but wait. */
export function ServiceProblemPage({ onRetry }: { onRetry?: () => void }) {
  return (
    <>
      <PageHeading>Sorry, there is a problem with the service</PageHeading>
      <p className="nhsuk-body">Try again later.</p>
      <p className="nhsuk-body">
        Anything you had already saved is safe. Anything you had not yet sent may need entering
        again.
      </p>
      {onRetry && (
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onRetry}>
          Try again
        </button>
      )}
    </>
  );
}

export function SignInNeededPage() {
  return (
    <>
      <PageHeading>You need to sign in</PageHeading>
      <p className="nhsuk-body">
        To see this page, open the sign-in link or invitation link you were sent, on this device.
      </p>
      <p className="nhsuk-body">
        If you do not have one, or it no longer works, ask your set’s facilitator or organiser for a
        new sign-in link.
      </p>
    </>
  );
}

/** `because`: why this person cannot see it, when the general words would not be true. */
export function NoAccessPage({ because }: { because?: string }) {
  return (
    <>
      <PageHeading>You cannot see this page</PageHeading>
      <p className="nhsuk-body">
        {because ??
          'This page is only for the people it belongs to: a set’s members and facilitator, or its organisers.'}
      </p>
      <p className="nhsuk-body">
        <Link to="/">Go to My sets</Link>
      </p>
    </>
  );
}

export function RateLimitedPage() {
  return (
    <>
      <PageHeading>Too many attempts</PageHeading>
      <p className="nhsuk-body">
        There have been too many attempts from this connection in a short time.
      </p>
      <p className="nhsuk-body">Wait a few minutes, then open your link again.</p>
    </>
  );
}

/** The page for a request that failed before the page could show anything. */
export function ApiProblemPage({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  switch (error.code) {
    case 'unauthenticated':
      return <SignInNeededPage />;
    case 'forbidden':
      return <NoAccessPage />;
    case 'not_found':
      return <NotFoundPage />;
    case 'rate_limited':
      return <RateLimitedPage />;
    default:
      return <ServiceProblemPage {...(onRetry ? { onRetry } : {})} />;
  }
}

/** Shown while a page waits for its first reply. */
export function Loading() {
  return (
    <p className="nhsuk-body" role="status" data-testid="loading">
      Loading…
    </p>
  );
}
