import { CreateInvitationRequest, type CreatedLink } from '@setboard/shared';
import { type FormEvent, useState } from 'react';
import { toApiError } from '../../api/api-error';
import { ConfirmStep } from '../ConfirmStep';
import { ErrorSummary } from '../ErrorSummary';
import { ButtonGroup, type Choice, RadiosField, TextField } from '../fields';
import { errorsFromZod, summariseErrors } from '../form-errors';
import { errorsFromApi, useFormErrors } from '../use-form-errors';
import { MadeLinks } from './MadeLinks';

export type InvitedRole = 'member' | 'facilitator';

export interface NewLinkInput {
  role: InvitedRole;
  email: string;
  note: string;
}

interface NewLinkFormProps {
  /** Offered roles; without any, the form asks for no role (organiser invitations). */
  roleChoices?: ReadonlyArray<Choice<InvitedRole>>;
  submitLabel: string;
  onCreate: (input: NewLinkInput) => Promise<CreatedLink>;
}

const FIELD_ORDER = ['role', 'email', 'note'];
/** Every new link starts as the least powerful choice, whatever the last one was. */
const FRESH_INPUT: NewLinkInput = { role: 'member', email: '', note: '' };

/**
 * Makes invitation links. Each address is shown only on this visit (the server keeps only a hash
 * of the token), so the links made now stay listed, newest first, each with its role, whom it is
 * for and a Copy button. A facilitator invitation gives a lot away, so it asks first.
 */
export function NewLinkForm({ roleChoices, submitLabel, onCreate }: NewLinkFormProps) {
  const [input, setInput] = useState<NewLinkInput>(FRESH_INPUT);
  const [made, setMade] = useState<CreatedLink[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const form = useFormErrors();

  const create = async (): Promise<void> => {
    setBusy(true);
    try {
      const created = await onCreate(input);
      setMade((links) => [created, ...links]);
      setInput(FRESH_INPUT);
      setConfirming(false);
      form.clear();
    } catch (error) {
      setConfirming(false);
      form.fail(errorsFromApi(toApiError(error)));
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const checked = CreateInvitationRequest.safeParse(input);
    if (!checked.success) return form.fail(errorsFromZod(checked.error));
    if (input.role === 'facilitator') return setConfirming(true);
    void create();
  };

  return (
    <>
      <MadeLinks links={made} />
      {confirming ? (
        <ConfirmStep
          heading="Create a facilitator invitation?"
          confirmLabel="Yes, invite them as facilitator"
          cancelLabel="No, go back"
          busy={busy}
          tone="plain"
          testId="confirm-facilitator"
          onConfirm={() => void create()}
          onCancel={() => setConfirming(false)}
        >
          <p className="nhsuk-body">
            Whoever opens this link becomes the set’s facilitator. They can invite and remove
            members, run meetings and change the set. Send it only to the person who will
            facilitate.
          </p>
        </ConfirmStep>
      ) : (
        <form noValidate onSubmit={submit}>
          <ErrorSummary items={summariseErrors(form.errors, FIELD_ORDER)} attempt={form.attempt} />
          {roleChoices && roleChoices.length > 1 && (
            <RadiosField<InvitedRole>
              path="role"
              label="Invite them as"
              choices={roleChoices}
              value={input.role}
              onChange={(role) => setInput({ ...input, role })}
              error={form.errors.role}
            />
          )}
          <TextField
            path="email"
            label="Email address (optional)"
            hint="Recorded so you remember whom you sent it to. Setboard does not send emails."
            type="email"
            autoComplete="off"
            spellCheck={false}
            value={input.email}
            onChange={(email) => setInput({ ...input, email })}
            error={form.errors.email}
          />
          <TextField
            path="note"
            label="Note (optional)"
            hint="For example, their name, or where you sent the link."
            value={input.note}
            onChange={(note) => setInput({ ...input, note })}
            error={form.errors.note}
          />
          <ButtonGroup>
            <button type="submit" className="nhsuk-button" disabled={busy}>
              {submitLabel}
            </button>
          </ButtonGroup>
        </form>
      )}
    </>
  );
}
