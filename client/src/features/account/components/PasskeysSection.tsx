import { type FormEvent, useState } from 'react';
import { PasskeysReply, type PasskeyView } from '@setboard/shared';
import { apiRequest } from '../../../api/api-request';
import { useApiGet } from '../../../api/use-api-get';
import { addPasskey, suggestedPasskeyName } from '../../../session/passkey-ceremonies';
import { passkeysSupported, problemText } from '../../../session/passkey-support';
import { useSession } from '../../../session/session-context';
import { ButtonGroup, TextField } from '../../../ui/fields';
import { formatMoment } from '../../../ui/format';

const PASSKEYS_PATH = '/api/account/passkeys';

/** "Your account": the person's passkeys — add one on this device, rename, remove. */
export function PasskeysSection() {
  const { setView } = useSession();
  const { result, replace } = useApiGet(PASSKEYS_PATH, PasskeysReply);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** Applies a change; whether it worked (the error is shown when not). */
  const run = async (change: () => Promise<PasskeysReply>, done: string) => {
    try {
      const reply = await change();
      replace(reply);
      setView(reply.session);
      setStatus(done);
      setError(null);
      return true;
    } catch (failure) {
      setError(problemText(failure));
      setStatus(null);
      return false;
    }
  };
  const passkeys = result.state === 'ready' ? result.data.passkeys : [];
  return (
    <section aria-labelledby="passkeys-heading" data-testid="passkeys">
      <h2 className="nhsuk-heading-m" id="passkeys-heading">
        Passkeys
      </h2>
      <p className="nhsuk-body">
        A passkey lets you sign in without a link: your device checks it is you with your
        fingerprint, face or screen lock. Your fingerprint or face never leaves your device.
      </p>
      {result.state === 'ready' && passkeys.length === 0 && (
        <p className="nhsuk-body">You have not added a passkey yet.</p>
      )}
      {passkeys.length > 0 && (
        <ul className="nhsuk-list" data-testid="passkey-list">
          {passkeys.map((passkey) => (
            <PasskeyItem
              key={passkey.id}
              passkey={passkey}
              onRename={(name) =>
                run(() => patchName(passkey.id, name), `Renamed to “${name.trim()}”.`)
              }
              onRemove={() => run(() => removePasskey(passkey.id), `Removed “${passkey.name}”.`)}
            />
          ))}
        </ul>
      )}
      {status && (
        <p className="nhsuk-body" role="status">
          {status}
        </p>
      )}
      {error && (
        <div className="nhsuk-inset-text" role="alert">
          <p>{error}</p>
        </div>
      )}
      <AddPasskeyForm onAdd={(name) => run(() => addPasskey(name), `Added “${name.trim()}”.`)} />
    </section>
  );
}

function PasskeyItem(props: {
  passkey: PasskeyView;
  onRename: (name: string) => Promise<boolean>;
  onRemove: () => Promise<boolean>;
}) {
  const { passkey } = props;
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(passkey.name);
  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (await props.onRename(name)) setRenaming(false);
  };
  return (
    <li className="nhsuk-u-margin-bottom-4" data-testid="passkey">
      <p className="nhsuk-body nhsuk-u-margin-bottom-1">
        <strong>{passkey.name}</strong>
      </p>
      <p className="nhsuk-body-s nhsuk-u-margin-bottom-2">
        Added on {formatMoment(passkey.createdAt)}.{' '}
        {passkey.lastUsedAt
          ? `Last used to sign in on ${formatMoment(passkey.lastUsedAt)}.`
          : 'Not used to sign in yet.'}
      </p>
      {renaming ? (
        <form noValidate onSubmit={(event) => void save(event)}>
          <TextField
            path={`passkey-name-${passkey.id}`}
            label="New name"
            value={name}
            onChange={setName}
            width={20}
          />
          <ButtonGroup>
            <button type="submit" className="nhsuk-button">
              Save name
            </button>
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary"
              onClick={() => setRenaming(false)}
            >
              Cancel
            </button>
          </ButtonGroup>
        </form>
      ) : (
        <ButtonGroup>
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            onClick={() => setRenaming(true)}
          >
            Rename<span className="nhsuk-u-visually-hidden"> {passkey.name}</span>
          </button>
          <button
            type="button"
            className="nhsuk-button nhsuk-button--warning"
            onClick={() => void props.onRemove()}
          >
            Remove<span className="nhsuk-u-visually-hidden"> {passkey.name}</span>
          </button>
        </ButtonGroup>
      )}
    </li>
  );
}

function AddPasskeyForm({ onAdd }: { onAdd: (name: string) => Promise<boolean> }) {
  const [name, setName] = useState(suggestedPasskeyName);
  const [busy, setBusy] = useState(false);
  if (!passkeysSupported()) {
    return <p className="nhsuk-body">This browser cannot make passkeys.</p>;
  }
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    if (await onAdd(name)) setName(suggestedPasskeyName());
    setBusy(false);
  };
  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <TextField
        path="new-passkey-name"
        label="Name for a new passkey"
        hint="So you can tell your passkeys apart, for example “Work laptop” or “My phone”."
        value={name}
        onChange={setName}
        width={20}
      />
      <ButtonGroup>
        <button type="submit" className="nhsuk-button" disabled={busy}>
          Add a passkey on this device
        </button>
      </ButtonGroup>
    </form>
  );
}

function patchName(passkeyId: string, name: string): Promise<PasskeysReply> {
  return apiRequest('PATCH', `${PASSKEYS_PATH}/${passkeyId}`, {
    body: { name },
    schema: PasskeysReply,
  });
}

function removePasskey(passkeyId: string): Promise<PasskeysReply> {
  return apiRequest('DELETE', `${PASSKEYS_PATH}/${passkeyId}`, { schema: PasskeysReply });
}
