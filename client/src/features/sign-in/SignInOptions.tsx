import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { toApiError } from '../../api/api-error';
import { PasskeySignIn } from '../../session/PasskeySignIn';
import { passkeysSupported } from '../../session/passkey-support';
import { useSession } from '../../session/session-context';
import { ButtonGroup, TextField } from '../../ui/fields';
import { flashState } from '../../ui/flash';
import { PageHeading } from '../../ui/route-focus';
import { emailMeALink } from './api/sign-in-api';

/** `/sign-in` without a link: every way to sign in on this device. */
export function SignInOptions() {
  const { view } = useSession();
  const navigate = useNavigate();
  const signedIn = () =>
    void navigate('/', { replace: true, state: flashState('You are signed in.') });
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageHeading>Sign in</PageHeading>
        {passkeysSupported() && (
          <>
            <h2 className="nhsuk-heading-m">With a passkey</h2>
            <p className="nhsuk-body">
              If you have added a passkey to your Setboard account, your device asks you to confirm
              it is you. There is nothing to type.
            </p>
            <PasskeySignIn onSignedIn={signedIn} />
          </>
        )}
        {view.mailEnabled && <EmailMeALink />}
        <h2 className="nhsuk-heading-m">With a sign-in link</h2>
        <p className="nhsuk-body">
          Members: ask your set’s facilitator for a sign-in link, then open it on this device.
          Facilitators and organisers: ask an organiser. If no organiser can get in, whoever runs
          the Setboard server can make a link.
        </p>
      </div>
    </div>
  );
}

function EmailMeALink() {
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    try {
      await emailMeALink(email.trim());
      setSentTo(email.trim());
      setError(undefined);
    } catch (failure) {
      const apiError = toApiError(failure);
      setError(apiError.issues?.[0]?.message ?? apiError.message);
    }
  };
  if (sentTo) {
    return (
      <div className="nhsuk-inset-text" role="status" data-testid="email-sent">
        <p>
          If {sentTo} belongs to someone on Setboard, a sign-in link is on its way. It works once,
          within an hour. Check your junk folder if it does not arrive in a few minutes.
        </p>
      </div>
    );
  }
  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <h2 className="nhsuk-heading-m">E-mail me a sign-in link</h2>
      <TextField
        path="email"
        type="email"
        label="Your e-mail address"
        value={email}
        onChange={setEmail}
        autoComplete="email"
        spellCheck={false}
        {...(error ? { error } : {})}
      />
      <ButtonGroup>
        <button type="submit" className="nhsuk-button">
          E-mail me a sign-in link
        </button>
      </ButtonGroup>
    </form>
  );
}
