import { ReminderMailState, type ReminderMailSetting } from '@setboard/shared';
import { type FormEvent, useState } from 'react';
import { apiRequest } from '../../api/api-request';
import { toApiError } from '../../api/api-error';
import { useApiGet } from '../../api/use-api-get';
import { ButtonGroup, RadiosField } from '../../ui/fields';

const PATH = '/api/my/reminder-mail';
const CHOICES: { value: ReminderMailSetting; label: string; hint: string }[] = [
  {
    value: 'daily',
    label: 'One e-mail a day',
    hint: 'A short digest in the morning, only on days with something new.',
  },
  { value: 'immediate', label: 'As they happen', hint: 'Within a few minutes of each reminder.' },
  { value: 'off', label: 'No e-mails', hint: 'Reminders stay here in Setboard.' },
];

/** How often reminders are e-mailed; shown only when this Setboard sends mail. */
export function ReminderMailSettings() {
  const { result, replace } = useApiGet(PATH, ReminderMailState);
  if (result.state !== 'ready' || !result.data.available) return null;
  return <MailForm state={result.data} onSaved={replace} />;
}

function MailForm({
  state,
  onSaved,
}: {
  state: ReminderMailState;
  onSaved: (state: ReminderMailState) => void;
}) {
  const [setting, setSetting] = useState<ReminderMailSetting>(state.setting);
  const [message, setMessage] = useState<{ text: string; problem: boolean } | null>(null);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      onSaved(await apiRequest('PATCH', PATH, { body: { setting }, schema: ReminderMailState }));
      setMessage({ text: 'Saved.', problem: false });
    } catch (error) {
      setMessage({ text: toApiError(error).message, problem: true });
    }
  };
  return (
    <form onSubmit={(event) => void save(event)} noValidate data-testid="reminder-mail">
      <RadiosField
        path="setting"
        label="Reminders by e-mail"
        hint={
          state.address
            ? `Sent to ${state.address}. E-mails say what is due, never what anyone wrote.`
            : 'Setboard does not know your e-mail address yet, so it cannot e-mail you.'
        }
        choices={CHOICES}
        value={setting}
        onChange={setSetting}
      />
      <ButtonGroup>
        <button type="submit" className="nhsuk-button nhsuk-button--secondary">
          Save e-mail setting
        </button>
      </ButtonGroup>
      {message && (
        <p className={message.problem ? 'nhsuk-error-message' : 'nhsuk-body'} role="status">
          {message.text}
        </p>
      )}
    </form>
  );
}
