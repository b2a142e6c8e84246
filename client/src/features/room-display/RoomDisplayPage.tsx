import { DisplayView, currentSlot, turnHolderId } from '@setboard/shared';
import { useEffect, useState } from 'react';
import { z } from 'zod';
import { apiRequest } from '../../api/api-request';
import {
  clockOffsetMs,
  describeDuration,
  formatClock,
  remainingAt,
  secondsLeft,
} from '../../live-meeting/countdown';
import { PHASE_LABELS, STAGE_LABELS } from '../../live-meeting/meeting-labels';
import { useNow } from '../../live-meeting/use-now';
import './room-display.css';

/** How often the screen asks for the meeting again. */
export const DISPLAY_REFRESH_MS = 2000;

type Shown =
  | { kind: 'pairing' }
  | { kind: 'problem'; message: string }
  | { kind: 'view'; view: DisplayView; offsetMs: number };

/**
 * `/display`: the room's shared screen. It pairs once with the token in the link's fragment,
 * then shows the meeting read-only in large type: no links, no controls, nothing private.
 */
export function RoomDisplayPage() {
  const [shown, setShown] = useState<Shown>({ kind: 'pairing' });

  useEffect(() => {
    let stopped = false;
    let timer: number | undefined;
    const refresh = async () => {
      try {
        const view = await apiRequest('GET', '/api/display/view', { schema: DisplayView });
        if (!stopped)
          setShown({
            kind: 'view',
            view,
            offsetMs: view.paired ? clockOffsetMs(view.serverNow, Date.now()) : 0,
          });
      } catch (error) {
        if (!stopped) setShown({ kind: 'problem', message: (error as Error).message });
      }
      if (!stopped) timer = window.setTimeout(() => void refresh(), DISPLAY_REFRESH_MS);
    };
    const token = window.location.hash.slice(1);
    // The token leaves the address bar at once: the screen is in a shared room.
    if (token) window.history.replaceState(null, '', '/display');
    const paired = token
      ? apiRequest('POST', '/api/display/pair', {
          body: { token },
          schema: z.object({ paired: z.literal(true) }),
        }).then(
          () => true,
          (error: Error) => {
            if (!stopped) setShown({ kind: 'problem', message: error.message });
            return false;
          },
        )
      : Promise.resolve(true);
    void paired.then((ok) => {
      if (ok && !stopped) void refresh();
    });
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, []);

  return (
    <main className="app-display" id="maincontent">
      {shown.kind === 'pairing' && <p className="app-display__note">Connecting this screen…</p>}
      {shown.kind === 'problem' && <p className="app-display__note">{shown.message}</p>}
      {shown.kind === 'view' && !shown.view.paired && (
        <>
          <h1 className="app-display__title">Room display</h1>
          <p className="app-display__note" data-testid="display-unpaired">
            {shown.view.reason}
          </p>
        </>
      )}
      {shown.kind === 'view' && shown.view.paired && (
        <PairedDisplay view={shown.view} offsetMs={shown.offsetMs} />
      )}
    </main>
  );
}

type Paired = Extract<DisplayView, { paired: true }>;

function PairedDisplay({ view, offsetMs }: { view: Paired; offsetMs: number }) {
  const { state, names, surface } = view;
  const nameOf = (personId: string) => names[personId] ?? 'Someone';
  const now = useNow(state.timer?.endsAt !== null && state.timer !== null, 500);
  const remaining = remainingAt(state, offsetMs, now);
  const seconds = remaining === null ? null : secondsLeft(remaining);
  const slot = currentSlot(state);
  const stage = slot?.stage ? STAGE_LABELS[slot.stage] : null;
  const turn = turnHolderId(state);
  const { floor, hands } = state.queue;
  return (
    <>
      <h1 className="app-display__title">
        Meeting {view.meetingNumber} – {view.setName}
      </h1>
      <section className="app-display__now" aria-label="Now">
        <p className="app-display__stage" data-testid="display-stage">
          {PHASE_LABELS[state.phase]}
          {stage && `: ${stage}`}
          {state.pausedAt !== null && ' (time out)'}
        </p>
        {seconds !== null && (
          <p className="app-display__clock">
            {seconds < 0 ? 'Over time by ' : 'Time left '}
            <span
              role="timer"
              aria-label={describeDuration(seconds)}
              data-testid="display-countdown"
            >
              {formatClock(seconds)}
            </span>
          </p>
        )}
        {slot && <p className="app-display__line">Presenting: {nameOf(slot.presenterId)}</p>}
        {turn && <p className="app-display__line">Whose turn: {nameOf(turn)}</p>}
        <p className="app-display__line" data-testid="display-floor">
          Has the floor: {floor ? nameOf(floor.personId) : 'nobody'}
        </p>
        <p className="app-display__line" data-testid="display-hands">
          Hands up: {hands.length === 0 ? 'none' : hands.map(nameOf).join(', ')}
        </p>
      </section>
      {surface && (
        <section className="app-display__surface" aria-label="The presenter’s issue and questions">
          <h2 className="app-display__heading">The issue</h2>
          <p className="app-display__text" data-testid="display-issue">
            {surface.issue || 'Not written yet.'}
          </p>
          {surface.outcome && (
            <>
              <h2 className="app-display__heading">The outcome wanted</h2>
              <p className="app-display__text">{surface.outcome}</p>
            </>
          )}
          <h2 className="app-display__heading">Questions</h2>
          {surface.questions.length === 0 ? (
            <p className="app-display__text">No questions yet.</p>
          ) : (
            <ol className="app-display__questions" data-testid="display-questions">
              {surface.questions.map((question, index) => (
                <li key={index}>
                  {question.text}{' '}
                  <span className="app-display__by">({nameOf(question.authorId)})</span>
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
    </>
  );
}
