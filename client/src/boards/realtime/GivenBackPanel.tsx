import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { PHASE_LABELS, STAGE_LABELS } from '../../live-meeting/meeting-labels';
import { copyOrSelect } from '../../ui/copy-text';
import { type GivenBackEntry, sectionLabel } from './given-back';
import { keepInLearningLog } from './keep-in-log';

interface GivenBackPanelProps {
  entry: GivenBackEntry;
  /** Makes the ids of the panel's parts unique on the page. */
  id: string;
  /** The board's name, for the learning-log entry's title ("Reflections on …"). */
  boardName: string;
  onDismiss: () => void;
}

type Status =
  | { kind: 'idle' }
  | { kind: 'copied' }
  | { kind: 'select' }
  | { kind: 'keeping' }
  | { kind: 'kept' }
  | { kind: 'failed'; message: string };

/** "Action planning" for `action_planning`, whether it names a slot stage or a phase. */
function stageName(movedTo: string): string {
  return (
    (STAGE_LABELS as Record<string, string>)[movedTo] ??
    (PHASE_LABELS as Record<string, string>)[movedTo] ??
    movedTo
  ).toLowerCase();
}

/**
 * A section closed while this person was writing in it: one calm panel with everything they
 * wrote there, to copy or keep in their learning log. It stays until they dismiss it.
 */
export function GivenBackPanel({ entry, id, boardName, onDismiss }: GivenBackPanelProps) {
  const textarea = useRef<HTMLTextAreaElement | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const headingId = `${id}-heading`;
  const hasText = entry.text !== '';

  const copy = async (): Promise<void> =>
    setStatus({ kind: await copyOrSelect(entry.text, textarea.current) });
  const keep = async (): Promise<void> => {
    setStatus({ kind: 'keeping' });
    try {
      await keepInLearningLog({
        text: entry.text,
        from: `${sectionLabel(entry.section)} on ${boardName}`,
      });
      setStatus({ kind: 'kept' });
    } catch (error) {
      setStatus({ kind: 'failed', message: (error as Error).message });
    }
  };

  return (
    <section
      className="nhsuk-inset-text app-given-back"
      aria-labelledby={headingId}
      data-testid="given-back"
      data-section={entry.section}
    >
      <h2 className="nhsuk-heading-s" id={headingId}>
        {entry.movedTo
          ? `This part closed when the meeting moved to ${stageName(entry.movedTo)}.`
          : `${sectionLabel(entry.section)}: your change was not saved.`}
      </h2>
      <p className="nhsuk-body-s">{entry.reason}</p>
      {hasText && (
        <div className="nhsuk-form-group">
          <label className="nhsuk-label nhsuk-label--s" htmlFor={`${id}-text`}>
            Here is what you wrote:
          </label>
          <textarea
            ref={textarea}
            className="nhsuk-textarea app-given-back__text"
            id={`${id}-text`}
            rows={Math.min(8, Math.max(2, Math.ceil(entry.text.length / 70)))}
            readOnly
            value={entry.text}
            data-testid="given-back-text"
          />
        </div>
      )}
      <div className="nhsuk-button-group">
        {hasText && (
          <>
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
              onClick={() => void copy()}
            >
              Copy
            </button>
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
              disabled={status.kind === 'keeping' || status.kind === 'kept'}
              onClick={() => void keep()}
            >
              Keep it in my learning log
            </button>
          </>
        )}
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
          onClick={onDismiss}
        >
          Dismiss<span className="nhsuk-u-visually-hidden"> this message</span>
        </button>
      </div>
      <p className="nhsuk-body-s" role="status" aria-live="polite">
        {status.kind === 'copied' && 'Copied. You can paste it somewhere you can write.'}
        {status.kind === 'select' &&
          'Your browser did not let us copy it. The text is selected: press Ctrl and C (or Command and C) to copy it.'}
        {status.kind === 'keeping' && 'Keeping it in your learning log…'}
        {status.kind === 'kept' && (
          <>
            Kept in your <Link to="/log">learning log</Link>, dated today.
          </>
        )}
        {status.kind === 'failed' && `It was not kept: ${status.message} Try again.`}
      </p>
    </section>
  );
}
