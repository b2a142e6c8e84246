import { type FormEvent, useState } from 'react';
import { BREAK_MAX_MINUTES, BREAK_MIN_MINUTES, checkBreakMinutes } from '../lib/bid-form';
import type { RoomControls } from '../lib/room-controls';
import { CommandButton } from '../../../live-meeting/CommandButton';

/** A break between slots, of the length the facilitator chooses (the set's default first). */
function BreakForm(room: RoomControls) {
  const { state, statusOf, send, busy } = room;
  const [minutes, setMinutes] = useState(String(state.timings.breakMinutes || 10));
  const [error, setError] = useState<string | null>(null);
  const status = statusOf({ type: 'break:start', minutes: BREAK_MIN_MINUTES });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy || !status.enabled) return;
    const checked = checkBreakMinutes(minutes);
    setError(checked.ok ? null : checked.error);
    if (checked.ok) send({ type: 'break:start', minutes: checked.minutes });
  };

  return (
    <form noValidate onSubmit={submit} className="app-meeting-tool" data-testid="break-form">
      <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label" htmlFor="break-minutes">
          Break length in minutes
        </label>
        <div className="nhsuk-hint" id="break-minutes-hint">
          From {BREAK_MIN_MINUTES} to {BREAK_MAX_MINUTES}.
        </div>
        {error && (
          <span className="nhsuk-error-message" id="break-minutes-error">
            <span className="nhsuk-u-visually-hidden">Error: </span>
            {error}
          </span>
        )}
        <input
          className={`nhsuk-input nhsuk-input--width-2${error ? ' nhsuk-input--error' : ''}`}
          id="break-minutes"
          name="minutes"
          type="text"
          inputMode="numeric"
          value={minutes}
          onChange={(event) => setMinutes(event.target.value)}
          aria-describedby={`break-minutes-hint${error ? ' break-minutes-error' : ''}`}
        />
      </div>
      <CommandButton status={status} busy={busy} submit>
        Start a break
      </CommandButton>
    </form>
  );
}

/**
 * Facilitation to someone else (before the facilitator presents, say). Only people who can take
 * it now are offered: here, not already facilitating, not presenting (the reducer decides).
 */
function HandoverForm(room: RoomControls) {
  const { state, nameOf, statusOf, send, busy } = room;
  const candidates = state.roster
    .map((entry) => entry.personId)
    .filter((personId) => statusOf({ type: 'facilitation:handover', personId }).enabled);
  const [chosen, setChosen] = useState(candidates[0] ?? '');
  if (candidates.length === 0) {
    return (
      <p className="nhsuk-body app-meeting-tool" data-testid="handover-none">
        Nobody here can take facilitation over now.
      </p>
    );
  }
  const target = candidates.includes(chosen) ? chosen : candidates[0]!;
  const command = { type: 'facilitation:handover' as const, personId: target };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy && statusOf(command).enabled) send(command);
  };

  return (
    <form noValidate onSubmit={submit} className="app-meeting-tool" data-testid="handover-form">
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="handover-to">
          Hand facilitation to
        </label>
        <select
          className="nhsuk-select"
          id="handover-to"
          name="personId"
          value={target}
          onChange={(event) => setChosen(event.target.value)}
        >
          {candidates.map((personId) => (
            <option key={personId} value={personId}>
              {nameOf(personId)}
            </option>
          ))}
        </select>
      </div>
      <CommandButton status={statusOf(command)} busy={busy} submit>
        Hand over facilitation
      </CommandButton>
    </form>
  );
}

/** The facilitator's less frequent tools: a break, and handing facilitation over. */
export function FacilitationTools(room: RoomControls) {
  return (
    <section aria-labelledby="facilitation-tools-heading" className="app-meeting-panel">
      <h2 className="nhsuk-heading-s" id="facilitation-tools-heading">
        Breaks and handing over
      </h2>
      <div className="app-meeting-tools">
        <BreakForm {...room} />
        <HandoverForm {...room} />
      </div>
    </section>
  );
}
