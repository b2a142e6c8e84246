import { type MyApologies, type SetView, formatLongDate } from '@setboard/shared';
import { useState } from 'react';
import { toApiError } from '../../../api/api-error';
import { useApiGet } from '../../../api/use-api-get';
import { TextAreaField } from '../../../ui/fields';
import { Tag } from '../../../ui/Tag';
import {
  MyApologiesReply,
  myApologiesPath,
  sendApologies,
  withdrawApologies,
} from '../api/year-api';

/**
 * Coming to the set's meetings: apologies for any meeting not yet started, with an optional
 * message to the facilitator, and withdrawing them.
 */
export function MyAttendance({ set }: { set: SetView }) {
  const { result, replace } = useApiGet(myApologiesPath(set.id), MyApologiesReply);
  const upcoming = set.meetings
    .map((meeting, index) => ({ meeting, index }))
    .filter(({ index }) => {
      const progress = set.meetingProgress[index];
      return progress === 'planned' || progress === 'opened';
    });
  if (set.lifecycle === 'closed' || upcoming.length === 0) return null;
  const mine = result.state === 'ready' ? result.data : null;
  return (
    <section aria-labelledby="attendance-heading" data-testid="my-attendance">
      <h2 className="nhsuk-heading-m" id="attendance-heading">
        Coming to meetings
      </h2>
      <p className="nhsuk-body">
        Members come to every meeting they can. If you cannot come, send your apologies as early as
        you can. Only the facilitator sees your message.
      </p>
      {upcoming.map(({ meeting, index }) => (
        <MeetingApologies
          key={index}
          setId={set.id}
          meetingIndex={index}
          date={meeting.date}
          sent={mine?.meetings[index] ?? null}
          onChanged={replace}
        />
      ))}
    </section>
  );
}

interface MeetingApologiesProps {
  setId: string;
  meetingIndex: number;
  date: string;
  sent: MyApologies['meetings'][number];
  onChanged: (mine: MyApologies) => void;
}

function MeetingApologies({ setId, meetingIndex, date, sent, onChanged }: MeetingApologiesProps) {
  const [writing, setWriting] = useState(false);
  const [message, setMessage] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (request: () => Promise<MyApologies>) => {
    setBusy(true);
    setProblem(null);
    try {
      onChanged(await request());
      setWriting(false);
      setMessage('');
    } catch (error) {
      const failure = toApiError(error);
      setProblem(failure.issues[0]?.message ?? failure.message);
    } finally {
      setBusy(false);
    }
  };
  const number = meetingIndex + 1;
  return (
    <div className="nhsuk-card" data-testid="meeting-apologies">
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-heading-s">
          Meeting {number}, {formatLongDate(date)}
        </h3>
        {problem && (
          <p className="nhsuk-error-message" role="alert">
            <span className="nhsuk-u-visually-hidden">Error: </span>
            {problem}
          </p>
        )}
        {sent ? (
          <>
            <p className="nhsuk-body">
              <Tag label="Apologies sent" colour="orange" />
              {sent.message && (
                <span className="app-secondary-line">Your message: {sent.message}</span>
              )}
            </p>
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary"
              disabled={busy}
              onClick={() => void run(() => withdrawApologies(setId, meetingIndex))}
            >
              I can come after all
              <span className="nhsuk-u-visually-hidden"> to meeting {number}</span>
            </button>
          </>
        ) : writing ? (
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              void run(() => sendApologies(setId, meetingIndex, message));
            }}
          >
            <TextAreaField
              path={`apologies-${meetingIndex}.message`}
              label="Message to the facilitator (optional)"
              hint="For example, why you cannot come. Only the facilitator sees it."
              rows={3}
              value={message}
              onChange={setMessage}
            />
            <div className="nhsuk-button-group">
              <button type="submit" className="nhsuk-button" disabled={busy}>
                Send apologies<span className="nhsuk-u-visually-hidden"> for meeting {number}</span>
              </button>
              <button
                type="button"
                className="nhsuk-button nhsuk-button--secondary"
                onClick={() => setWriting(false)}
              >
                Cancel
              </button>
            </div>
          </form>
        ) : (
          <>
            <p className="nhsuk-body">You are expected.</p>
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary"
              onClick={() => setWriting(true)}
            >
              I cannot come<span className="nhsuk-u-visually-hidden"> to meeting {number}</span>
            </button>
          </>
        )}
      </div>
    </div>
  );
}
