import { BookingConfirmed, SetBookings, bandLabel, type ApplicationView } from '@setboard/shared';
import { type FormEvent, useState } from 'react';
import { apiRequest } from '../../../api/api-request';
import { toApiError } from '../../../api/api-error';
import { CopyField } from '../../../ui/CopyField';
import { ButtonGroup, TextAreaField } from '../../../ui/fields';
import { formatMoment } from '../../../ui/format';
import { Tag } from '../../../ui/Tag';

const STATUS: Record<
  ApplicationView['status'],
  { label: string; colour: 'blue' | 'yellow' | 'green' | 'grey' }
> = {
  received: { label: 'New', colour: 'blue' },
  question: { label: 'Question asked', colour: 'yellow' },
  confirmed: { label: 'Confirmed', colour: 'green' },
  declined: { label: 'Declined', colour: 'grey' },
};

type Action = 'ask' | 'decline' | null;

/** One application: who, what they hope to bring, its effect on the mix, and the decisions. */
export function ApplicationCard({
  setId,
  application,
  onChanged,
}: {
  setId: string;
  application: ApplicationView;
  onChanged: (bookings: SetBookings) => void;
}) {
  const [action, setAction] = useState<Action>(null);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [invitation, setInvitation] = useState<{ url: string; mailed: boolean } | null>(null);
  const base = `/api/sets/${setId}/bookings/${application.id}`;
  const open = application.status === 'received' || application.status === 'question';
  const run = async (request: () => Promise<SetBookings>) => {
    setProblem(null);
    try {
      onChanged(await request());
      setAction(null);
      setText('');
    } catch (error) {
      setProblem(toApiError(error).message);
    }
  };
  const send = (event: FormEvent) => {
    event.preventDefault();
    void run(() =>
      action === 'ask'
        ? apiRequest('POST', `${base}/questions`, { body: { text }, schema: SetBookings })
        : apiRequest('POST', `${base}/decline`, { body: { message: text }, schema: SetBookings }),
    );
  };
  const confirm = () =>
    void run(async () => {
      const reply = await apiRequest('POST', `${base}/confirm`, {
        body: {},
        schema: BookingConfirmed,
      });
      setInvitation({ url: reply.url, mailed: reply.mailed });
      return reply.bookings;
    });
  const headingId = `application-${application.id}`;
  return (
    <li className="nhsuk-card" data-testid="application" aria-labelledby={headingId}>
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-heading-s" id={headingId}>
          {application.name} <Tag {...STATUS[application.status]} />
          {application.joined && <Tag label="Joined" colour="green" />}
        </h3>
        <p className="nhsuk-body-s">
          {application.jobTitle}, {application.organisation} · {bandLabel(application.band)} ·{' '}
          {application.email} · booked {formatMoment(application.appliedAt)}
        </p>
        <p className="nhsuk-body app-preserve-lines">{application.hopes}</p>
        {application.mixWarnings.length > 0 && (
          <div className="nhsuk-warning-callout" data-testid="mix-warnings">
            <h4 className="nhsuk-warning-callout__label">
              <span role="text">
                <span className="nhsuk-u-visually-hidden">Important: </span>The mix
              </span>
            </h4>
            <ul>
              {application.mixWarnings.map((warning) => (
                <li key={warning.message}>{warning.message}</li>
              ))}
            </ul>
          </div>
        )}
        {application.messages.map((message) => (
          <p key={`${message.at}-${message.from}`} className="nhsuk-body app-preserve-lines">
            <strong>{message.from === 'organiser' ? 'Asked' : 'Answered'}:</strong> {message.text}
          </p>
        ))}
        {application.decisionMessage && (
          <p className="nhsuk-body app-preserve-lines">
            <strong>Message sent:</strong> {application.decisionMessage}
          </p>
        )}
        {invitation && (
          <>
            <CopyField
              id={`invitation-${application.id}`}
              label={`Invitation for ${application.name}`}
              value={invitation.url}
              hint={
                invitation.mailed
                  ? 'We have e-mailed it to them. It is also on their booking status page.'
                  : 'Pass it on to them. It is also on their booking status page.'
              }
            />
          </>
        )}
        {problem && (
          <p className="nhsuk-error-message" role="alert">
            {problem}
          </p>
        )}
        {open && action === null && (
          <ButtonGroup>
            <button type="button" className="nhsuk-button" onClick={confirm}>
              Confirm place
            </button>
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary"
              onClick={() => setAction('ask')}
            >
              Ask a question
            </button>
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary"
              onClick={() => setAction('decline')}
            >
              Decline
            </button>
          </ButtonGroup>
        )}
        {open && action !== null && (
          <form onSubmit={send} noValidate>
            <TextAreaField
              path={`${action}-${application.id}`}
              label={
                action === 'ask'
                  ? `Your question for ${application.name}`
                  : `Your message to ${application.name}`
              }
              hint={
                action === 'ask'
                  ? 'They see it on their booking status page (and by e-mail, if Setboard sends mail).'
                  : 'Say kindly why there is no place this time. They see it on their booking status page.'
              }
              value={text}
              onChange={setText}
              rows={3}
            />
            <ButtonGroup>
              <button type="submit" className="nhsuk-button">
                {action === 'ask' ? 'Send question' : 'Decline with this message'}
              </button>
              <button
                type="button"
                className="nhsuk-button nhsuk-button--secondary"
                onClick={() => setAction(null)}
              >
                Cancel
              </button>
            </ButtonGroup>
          </form>
        )}
      </div>
    </li>
  );
}
