import { CreateInvitationRequest, type CreatedLink } from '@setboard/shared';
import { type FormEvent, useState } from 'react';
import { toApiError } from '../../api/api-error';
import { CopyField } from '../CopyField';
import { ErrorSummary } from '../ErrorSummary';
import { ButtonGroup, type Choice, RadiosField, TextField } from '../fields';
import { errorsFromZod, summariseErrors } from '../form-errors';
import { errorsFromApi, useFormErrors } from '../use-form-errors';

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

/**
 * Makes an invitation link. The address is shown once, straight after it is made (the server
 * keeps only a hash of the token), with a Copy button.
 */
export function NewLinkForm({ roleChoices, submitLabel, onCreate }: NewLinkFormProps) {
  const [input, setInput] = useState<NewLinkInput>({ role: 'member', email: '', note: '' });
  const [created, setCreated] = useState<CreatedLink | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useFormErrors();

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const checked = CreateInvitationRequest.safeParse(input);
    if (!checked.success) return form.fail(errorsFromZod(checked.error));
    setBusy(true);
    try {
      setCreated(await onCreate(input));
      setInput({ ...input, email: '', note: '' });
      form.clear();
    } catch (error) {
      form.fail(errorsFromApi(toApiError(error)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {created && (
        <div className="nhsuk-inset-text app-new-link" data-testid="new-link">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p className="nhsuk-body">
            Your link is ready. It is shown only now, so copy it and send it
            {created.link.email ? ` to ${created.link.email}` : ''} by email or message.
          </p>
          <CopyField id="new-link-url" label="Invitation link" value={created.url} />
        </div>
      )}
      <form noValidate onSubmit={(event) => void submit(event)}>
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
    </>
  );
}
