import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { type ApiError, toApiError } from '../../api/api-error';
import { useSession } from '../../session/session-context';
import { flashState } from '../../ui/flash';
import { LinkProblemPage, isLinkProblem } from '../../ui/link-problems';
import { readLinkToken } from '../../ui/link-token';
import { ApiProblemPage } from '../../ui/problem-pages';
import { PageHeading } from '../../ui/route-focus';
import { useNoReferrer } from '../../ui/use-no-referrer';
import { signInOnce } from './api/sign-in-api';
import { SignInOptions } from './SignInOptions';

/**
 * `/sign-in#<token>`: signs this device in with a link, then shows "My sets". Without a link:
 * the ways to sign in (`SignInOptions`).
 */
export function SignInPage() {
  useNoReferrer();
  const { hash } = useLocation();
  const navigate = useNavigate();
  const { setView } = useSession();
  const [token] = useState(() => readLinkToken(hash));
  const [failure, setFailure] = useState<ApiError | null>(null);

  useEffect(() => {
    if (!token) return;
    let current = true;
    signInOnce(token).then(
      (view) => {
        if (!current) return;
        setView(view);
        // Replacing the entry takes the token out of the address bar and the history.
        void navigate('/', { replace: true, state: flashState('You are signed in.') });
      },
      (error: unknown) => {
        if (current) setFailure(toApiError(error));
      },
    );
    return () => {
      current = false;
    };
  }, [token, setView, navigate]);

  if (!token) return <SignInOptions />;
  if (failure) {
    if (isLinkProblem(failure.code))
      return <LinkProblemPage code={failure.code} context="sign-in" />;
    return <ApiProblemPage error={failure} />;
  }
  return (
    <>
      <PageHeading>Signing you in</PageHeading>
      <p className="nhsuk-body" role="status">
        Checking your sign-in link…
      </p>
    </>
  );
}
