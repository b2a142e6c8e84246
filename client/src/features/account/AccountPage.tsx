import { type FormEvent, useState } from 'react';
import { Link, Navigate } from 'react-router';
import { toApiError } from '../../api/api-error';
import { RecoveryCodePanel } from '../../session/AccountNotices';
import { useSession } from '../../session/session-context';
import { ButtonGroup, TextField } from '../../ui/fields';
import { formatMoment } from '../../ui/format';
import { PageHeading } from '../../ui/route-focus';
import { makeRecoveryCode, noticesSeen, setEmail, spendRecoveryCode } from './api/account-api';
import { PasskeySignIn } from '../../session/PasskeySignIn';
import { OrganiserSignInLinks } from './components/OrganiserSignInLinks';
import { PasskeysSection } from './components/PasskeysSection';

/** `/account`: your ways back in, proving it is you, and sign-ins by others' links. */
export function AccountPage() {
  const { view, setView } = useSession();
  const person = view.person;
  const account = view.account;
  if (!person || !account) return <Navigate to="/" replace />;
  const notices = account.signInNotices;

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageHeading>Your account</PageHeading>
        {!account.strongSignIn && <ProveItIsYou hasPasskey={account.passkeys > 0} />}
        {notices.length > 0 && (
          <section aria-labelledby="notices-heading">
            <h2 className="nhsuk-heading-m" id="notices-heading">
              Sign-ins with links someone else issued
            </h2>
            <ul className="nhsuk-list nhsuk-list--bullet">
              {notices.map((notice) => (
                <li key={notice.id}>
                  {formatMoment(notice.at)}: a link {notice.issuedByName} issued on{' '}
                  {formatMoment(notice.issuedAt)}
                </li>
              ))}
            </ul>
            {account.strongSignIn && (
              <button
                type="button"
                className="nhsuk-button nhsuk-button--secondary"
                onClick={() => void noticesSeen(notices.map((notice) => notice.id)).then(setView)}
              >
                I have seen these
              </button>
            )}
          </section>
        )}
        <h2 className="nhsuk-heading-m">Ways back in</h2>
        <p className="nhsuk-body">
          If you sign out, or use another device, you can come back in with:
        </p>
        <ul className="nhsuk-list nhsuk-list--bullet">
          {account.passkeys > 0 && (
            <li>
              {account.passkeys === 1 ? 'your passkey' : `any of your ${account.passkeys} passkeys`}
            </li>
          )}
          {view.mailEnabled && (
            <li>
              a sign-in link e-mailed to{' '}
              {account.email ? <strong>{account.email}</strong> : 'your address (add one below)'}
            </li>
          )}
          <li>a sign-in link from your facilitator (or, for organisers, another organiser)</li>
        </ul>
        {account.strongSignIn && <PasskeysSection />}
        {view.mailEnabled && <EmailForm current={account.email} strong={account.strongSignIn} />}
        <RecoveryCodeSection strong={account.strongSignIn} has={account.hasRecoveryCode} />
        {person.isOrganiser && <OrganiserSignInLinks />}
        <p className="nhsuk-body">
          <Link to="/">Back to your sets</Link>
        </p>
      </div>
    </div>
  );
}

function ProveItIsYou({ hasPasskey }: { hasPasskey: boolean }) {
  const { setView } = useSession();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    try {
      setView(await spendRecoveryCode(code));
      setError(undefined);
    } catch (failure) {
      const apiError = toApiError(failure);
      setError(apiError.issues?.[0]?.message ?? apiError.message);
    }
  };
  return (
    <section className="nhsuk-inset-text" aria-labelledby="prove-heading">
      <h2 className="nhsuk-heading-m" id="prove-heading">
        Prove it is you
      </h2>
      <p className="nhsuk-body">
        You signed in with a link someone else issued. Your sets are open, but your learning log and
        account settings open only once you enter your recovery code (or sign in with your passkey,
        or with a link e-mailed to you).
      </p>
      {hasPasskey && <PasskeySignIn label="Use your passkey" />}
      <form noValidate onSubmit={(event) => void submit(event)}>
        <TextField
          path="code"
          label="Recovery code"
          hint="16 letters and digits, like ABCD-EFGH-JKLM-NPQR"
          value={code}
          onChange={setCode}
          autoComplete="one-time-code"
          spellCheck={false}
          width={20}
          {...(error ? { error } : {})}
        />
        <ButtonGroup>
          <button type="submit" className="nhsuk-button">
            Continue
          </button>
        </ButtonGroup>
      </form>
    </section>
  );
}

function EmailForm({ current, strong }: { current: string; strong: boolean }) {
  const { setView } = useSession();
  const [email, setEmailDraft] = useState(current);
  const [error, setError] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    try {
      setView(await setEmail(email.trim()));
      setError(undefined);
      setSaved(true);
    } catch (failure) {
      const apiError = toApiError(failure);
      setError(apiError.issues?.[0]?.message ?? apiError.message);
      setSaved(false);
    }
  };
  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <TextField
        path="email"
        type="email"
        label="Your e-mail address (optional)"
        hint="Setboard sends invitations and sign-in links here, and tells you if someone signs in with a link issued for you. Leave it empty to remove it."
        value={email}
        onChange={setEmailDraft}
        autoComplete="email"
        spellCheck={false}
        {...(error ? { error } : {})}
      />
      <ButtonGroup>
        <button type="submit" className="nhsuk-button" disabled={!strong}>
          Save e-mail address
        </button>
      </ButtonGroup>
      {saved && (
        <p className="nhsuk-body" role="status">
          Saved.
        </p>
      )}
    </form>
  );
}

function RecoveryCodeSection({ strong, has }: { strong: boolean; has: boolean }) {
  const [code, setCode] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const make = async () => {
    try {
      setCode((await makeRecoveryCode()).code);
    } catch (failure) {
      setError(toApiError(failure).message);
    }
  };
  return (
    <section aria-labelledby="recovery-heading">
      <h2 className="nhsuk-heading-m" id="recovery-heading">
        Recovery code
      </h2>
      <p className="nhsuk-body">
        {has ? 'You have a recovery code you have not used.' : 'You have no unused recovery code.'}{' '}
        Making a new one stops the old one working.
      </p>
      {code ? (
        <RecoveryCodePanel code={code} onKept={() => setCode(null)} />
      ) : (
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary"
          disabled={!strong}
          onClick={() => void make()}
        >
          Make a new recovery code
        </button>
      )}
      {error && (
        <p className="nhsuk-error-message" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
