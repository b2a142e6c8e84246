import { type FormEvent, useState } from 'react';
import {
  BID_MAX_MINUTES,
  BID_MIN_MINUTES,
  type BidErrors,
  SYNOPSIS_MAX_CHARS,
  checkBid,
} from '../lib/bid-form';
import type { RoomControls } from '../lib/room-controls';
import { bidOf, minutesText } from '../lib/slot-plan';
import { CommandButton } from '../../../live-meeting/CommandButton';

function describedBy(...ids: (string | false)[]): string | undefined {
  const present = ids.filter(Boolean);
  return present.length > 0 ? present.join(' ') : undefined;
}

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <span className="nhsuk-error-message" id={id}>
      <span className="nhsuk-u-visually-hidden">Error: </span>
      {message}
    </span>
  );
}

function SynopsisField(props: { value: string; error?: string; onChange: (v: string) => void }) {
  const { value, error, onChange } = props;
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <label className="nhsuk-label" htmlFor="bid-synopsis">
        Your issue in one line
      </label>
      <div className="nhsuk-hint" id="bid-synopsis-hint">
        What you want the set’s help with, in up to {SYNOPSIS_MAX_CHARS} characters.
      </div>
      <FieldError id="bid-synopsis-error" message={error} />
      <input
        className={`nhsuk-input${error ? ' nhsuk-input--error' : ''}`}
        id="bid-synopsis"
        name="synopsis"
        type="text"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy('bid-synopsis-hint', !!error && 'bid-synopsis-error')}
      />
    </div>
  );
}

function MinutesField(props: { value: string; error?: string; onChange: (v: string) => void }) {
  const { value, error, onChange } = props;
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <label className="nhsuk-label" htmlFor="bid-minutes">
        Minutes you would like
      </label>
      <div className="nhsuk-hint" id="bid-minutes-hint">
        From {BID_MIN_MINUTES} to {BID_MAX_MINUTES}.
      </div>
      <FieldError id="bid-minutes-error" message={error} />
      <input
        className={`nhsuk-input nhsuk-input--width-3${error ? ' nhsuk-input--error' : ''}`}
        id="bid-minutes"
        name="minutes"
        type="text"
        inputMode="numeric"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy('bid-minutes-hint', !!error && 'bid-minutes-error')}
      />
    </div>
  );
}

/** A member's bid for airtime during bidding: place it, change it, or withdraw it. */
export function BidForm(room: RoomControls) {
  const { state, selfId, statusOf, send, busy } = room;
  const mine = bidOf(state, selfId);
  const equalMinutes = state.settings.timeAllocation === 'equal' ? state.timings.slotMinutes : null;
  const [synopsis, setSynopsis] = useState(mine?.synopsis ?? '');
  const [minutes, setMinutes] = useState(String(mine?.minutes ?? ''));
  const [errors, setErrors] = useState<BidErrors>({});
  // The reducer's verdict on a bid now (its content is checked by the form).
  const placeStatus = statusOf({
    type: 'bid:place',
    synopsis: '',
    minutes: state.timings.slotMinutes,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy || !placeStatus.enabled) return;
    const checked = checkBid({ synopsis, minutes }, equalMinutes);
    setErrors(checked.ok ? {} : checked.errors);
    if (checked.ok) send(checked.command);
  };

  return (
    <section aria-labelledby="bid-heading" className="app-meeting-panel">
      <h2 className="nhsuk-heading-s" id="bid-heading">
        {mine ? 'Your bid' : 'Bid for airtime'}
      </h2>
      {equalMinutes !== null && (
        <p className="nhsuk-body">
          This set uses equal time: each presenter has {minutesText(equalMinutes)}.
        </p>
      )}
      <form noValidate onSubmit={submit} data-testid="bid-form">
        <SynopsisField value={synopsis} error={errors.synopsis} onChange={setSynopsis} />
        {equalMinutes === null && (
          <MinutesField value={minutes} error={errors.minutes} onChange={setMinutes} />
        )}
        <div className="app-control-bar">
          <CommandButton status={placeStatus} busy={busy} variant="primary" submit>
            {mine ? 'Update your bid' : 'Place your bid'}
          </CommandButton>
          {mine && (
            <CommandButton
              status={statusOf({ type: 'bid:withdraw' })}
              busy={busy}
              onPress={() => send({ type: 'bid:withdraw' })}
            >
              {equalMinutes === null ? 'Withdraw your bid' : 'Decline your slot'}
            </CommandButton>
          )}
        </div>
      </form>
    </section>
  );
}
