import { DisplayLinkView } from '@setboard/shared';
import { useState } from 'react';
import { z } from 'zod';
import { apiRequest } from '../../../api/api-request';
import { londonClock } from '../lib/agenda-items';

function displayPath(setId: string, meetingIndex: number): string {
  return `/api/sets/${encodeURIComponent(setId)}/meetings/${meetingIndex}/display`;
}

type Shown =
  | { kind: 'none' }
  | { kind: 'link'; url: string; expiresAt: number }
  | { kind: 'stopped' }
  | { kind: 'problem'; message: string };

/**
 * For sets that meet in a room: the facilitator makes a link to open on the room's screen. It
 * pairs one screen, once, shows the meeting read-only, and stops at the end of the day or when
 * stopped here. Making a new link stops the old one.
 */
export function DisplayLinkPanel({ setId, meetingIndex }: { setId: string; meetingIndex: number }) {
  const [shown, setShown] = useState<Shown>({ kind: 'none' });
  const [busy, setBusy] = useState(false);
  const act = (work: () => Promise<Shown>) => {
    setBusy(true);
    void work()
      .catch((error: Error) => ({ kind: 'problem', message: error.message }) as const)
      .then((next) => {
        setShown(next);
        setBusy(false);
      });
  };
  const make = () =>
    act(async () => {
      const link = await apiRequest('POST', displayPath(setId, meetingIndex), {
        schema: DisplayLinkView,
      });
      return {
        kind: 'link',
        url: `${window.location.origin}${link.pairPath}`,
        expiresAt: link.expiresAt,
      };
    });
  const stop = () =>
    act(async () => {
      await apiRequest('DELETE', displayPath(setId, meetingIndex), {
        schema: z.object({ revoked: z.literal(true) }),
      });
      return { kind: 'stopped' };
    });
  return (
    <section aria-labelledby="display-heading" className="app-meeting-panel">
      <h2 className="nhsuk-heading-s" id="display-heading">
        Room display
      </h2>
      <p className="nhsuk-body-s">
        For a shared screen in the room: the agenda, the clock, the floor and the presenter’s issue
        and questions, in large type. No controls, and nothing private.
      </p>
      {shown.kind === 'link' && (
        <div className="nhsuk-inset-text" data-testid="display-link">
          <p className="nhsuk-body-s">
            Open this once on the room’s screen. It works until {londonClock(shown.expiresAt)}{' '}
            tonight, or until you stop it.
          </p>
          <p className="nhsuk-body-s app-display-link">
            <code data-testid="display-link-url">{shown.url}</code>
          </p>
        </div>
      )}
      {shown.kind === 'stopped' && (
        <p className="nhsuk-body-s" role="status">
          The display has stopped.
        </p>
      )}
      {shown.kind === 'problem' && (
        <p className="nhsuk-error-message" role="alert">
          {shown.message}
        </p>
      )}
      <div className="app-control-bar">
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary"
          onClick={make}
          disabled={busy}
        >
          {shown.kind === 'link' ? 'Make a new display link' : 'Make a display link'}
        </button>
        {shown.kind === 'link' && (
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            onClick={stop}
            disabled={busy}
          >
            Stop the display
          </button>
        )}
      </div>
    </section>
  );
}
