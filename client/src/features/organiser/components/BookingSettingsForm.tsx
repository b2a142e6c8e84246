import { DEFAULT_COMMITMENT, SetBookings } from '@setboard/shared';
import { type FormEvent, useState } from 'react';
import { apiRequest } from '../../../api/api-request';
import { toApiError } from '../../../api/api-error';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { ButtonGroup, RadiosField, TextField } from '../../../ui/fields';
import { summariseErrors } from '../../../ui/form-errors';
import { errorsFromApi, useFormErrors } from '../../../ui/use-form-errors';

type Settings = NonNullable<SetBookings['settings']>;

/** Open or close the booking page, list it on /book, a closing date, and the commitment asked. */
export function BookingSettingsForm({
  setId,
  settings,
  onSaved,
}: {
  setId: string;
  settings: Settings | null;
  onSaved: (bookings: SetBookings) => void;
}) {
  const [open, setOpen] = useState<'yes' | 'no'>(settings?.open === false ? 'no' : 'yes');
  const [listed, setListed] = useState<'yes' | 'no'>(settings?.listed ? 'yes' : 'no');
  const [closesOn, setClosesOn] = useState(settings?.closesOn ?? '');
  const [commitment, setCommitment] = useState(settings?.commitment ?? DEFAULT_COMMITMENT);
  const form = useFormErrors();
  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      onSaved(
        await apiRequest('PATCH', `/api/sets/${setId}/bookings`, {
          body: {
            open: open === 'yes',
            listed: listed === 'yes',
            closesOn: closesOn === '' ? null : closesOn,
            commitment,
          },
          schema: SetBookings,
        }),
      );
      form.clear();
    } catch (error) {
      form.fail(errorsFromApi(toApiError(error)));
    }
  };
  const order = ['open', 'listed', 'closesOn', 'commitment'];
  return (
    <form onSubmit={(event) => void save(event)} noValidate data-testid="booking-settings">
      <ErrorSummary items={summariseErrors(form.errors, order)} attempt={form.attempt} />
      <RadiosField
        path="open"
        label="Take bookings"
        choices={[
          { value: 'yes', label: 'Yes, take bookings' },
          { value: 'no', label: 'No, bookings are closed' },
        ]}
        value={open}
        onChange={setOpen}
        error={form.errors.open}
        inline
      />
      <RadiosField
        path="listed"
        label="List this set on the public booking page"
        hint="Otherwise only people you give the link to will find it."
        choices={[
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'No' },
        ]}
        value={listed}
        onChange={setListed}
        error={form.errors.listed}
        inline
      />
      <TextField
        path="closesOn"
        label="Closing date (optional)"
        hint="The last day bookings are taken. Bookings also close when every place is taken."
        type="date"
        value={closesOn}
        onChange={setClosesOn}
        error={form.errors.closesOn}
      />
      <TextField
        path="commitment"
        label="The commitment you ask for"
        value={commitment}
        onChange={setCommitment}
        error={form.errors.commitment}
      />
      <ButtonGroup>
        <button type="submit" className="nhsuk-button">
          {settings ? 'Save booking settings' : 'Open bookings'}
        </button>
      </ButtonGroup>
    </form>
  );
}
