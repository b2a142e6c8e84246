import {
  ApplicationStatusView,
  BookingInvitation,
  type ApplicationStatus,
  type BookingMessage,
} from '@setboard/shared';
import { type FormEvent, useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { apiRequest } from '../../api/api-request';
import { toApiError, type ApiError } from '../../api/api-error';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { ButtonGroup, TextAreaField } from '../../ui/fields';
import { formatMoment } from '../../ui/format';
import { summariseErrors } from '../../ui/form-errors';
import type { TagColour } from '../../ui/labels';
import { isLinkProblem, LinkProblemPage } from '../../ui/link-problems';
import { readLinkToken } from '../../ui/link-token';
import { MeetingsSummary } from '../../ui/MeetingsSummary';
import { ApiProblemPage, Loading } from '../../ui/problem-pages';
import { PageHeading } from '../../ui/route-focus';
import { Tag } from '../../ui/Tag';
import { errorsFromApi, useFormErrors } from '../../ui/use-form-errors';
import { useNoReferrer } from '../../ui/use-no-referrer';

const STATUS_TAGS: Record<ApplicationStatus, { label: string; colour: TagColour }> = {
  received: { label: 'Received', colour: 'blue' },
  question: { label: 'Question for you', colour: 'yellow' },
  confirmed: { label: 'Place confirmed', colour: 'green' },
  declined: { label: 'Not offered a place', colour: 'grey' },
};

type Loaded =
  | { state: 'loading' }
  | { state: 'ready'; view: ApplicationStatusView }
  | { state: 'failed'; error: ApiError };

/** `/booking-status#<token>`: an applicant's private page about their own booking. */
export function BookingStatusPage() {
  useNoReferrer();
  const { hash } = useLocation();
  const [token] = useState(() => readLinkToken(hash));
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  useEffect(() => {
    if (!token) return;
    apiRequest('POST', '/api/booking-status', {
      body: { token },
      schema: ApplicationStatusView,
    }).then(
      (view) => setLoaded({ state: 'ready', view }),
      (error: unknown) => setLoaded({ state: 'failed', error: toApiError(error) }),
    );
  }, [token]);
  if (!token) return <LinkProblemPage code="link_unknown" context="invitation" />;
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'failed') {
    const { code } = loaded.error;
    if (isLinkProblem(code)) return <LinkProblemPage code={code} context="invitation" />;
    return <ApiProblemPage error={loaded.error} />;
  }
  return (
    <Status
      token={token}
      view={loaded.view}
      onChange={(view) => setLoaded({ state: 'ready', view })}
    />
  );
}

function Status({
  token,
  view,
  onChange,
}: {
  token: string;
  view: ApplicationStatusView;
  onChange: (view: ApplicationStatusView) => void;
}) {
  const tag = STATUS_TAGS[view.status];
  return (
    <>
      <PageHeading caption="Your booking" title={`Your booking: ${view.setName}`}>
        {view.setName}
      </PageHeading>
      <p className="nhsuk-body" data-testid="booking-status">
        {view.name}, booked {formatMoment(view.appliedAt)}: <Tag {...tag} />
      </p>
      {view.status === 'declined' && (
        <div className="nhsuk-inset-text" data-testid="decision-message">
          <p>The organiser could not offer you a place this time. Their message:</p>
          <p className="app-preserve-lines">{view.decisionMessage}</p>
        </div>
      )}
      {view.status === 'confirmed' && <Confirmed token={token} view={view} />}
      {view.messages.length > 0 && <Messages messages={view.messages} />}
      {(view.status === 'question' || view.status === 'received') &&
        view.messages.some((message) => message.from === 'organiser') && (
          <AnswerForm token={token} onAnswered={onChange} />
        )}
      <h2 className="nhsuk-heading-m">Planned dates</h2>
      <MeetingsSummary meetings={view.meetings} />
    </>
  );
}

function Messages({ messages }: { messages: readonly BookingMessage[] }) {
  return (
    <>
      <h2 className="nhsuk-heading-m">Questions and answers</h2>
      <ul className="nhsuk-list" data-testid="booking-messages">
        {messages.map((message) => (
          <li key={`${message.at}-${message.from}`} className="nhsuk-card">
            <div className="nhsuk-card__content">
              <h3 className="nhsuk-heading-xs">
                {message.from === 'organiser' ? 'The organiser asked' : 'You answered'}
              </h3>
              <p className="nhsuk-body app-preserve-lines">{message.text}</p>
              <p className="nhsuk-body-s app-secondary-line">{formatMoment(message.at)}</p>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}

function AnswerForm({
  token,
  onAnswered,
}: {
  token: string;
  onAnswered: (view: ApplicationStatusView) => void;
}) {
  const [text, setText] = useState('');
  const form = useFormErrors();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      onAnswered(
        await apiRequest('POST', '/api/booking-status/answer', {
          body: { token, text },
          schema: ApplicationStatusView,
        }),
      );
      setText('');
      form.clear();
    } catch (error) {
      form.fail(errorsFromApi(toApiError(error)));
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <ErrorSummary items={summariseErrors(form.errors, ['text'])} attempt={form.attempt} />
      <TextAreaField
        path="text"
        label="Your answer"
        value={text}
        onChange={setText}
        error={form.errors.text}
        rows={3}
      />
      <ButtonGroup>
        <button type="submit" className="nhsuk-button">
          Send my answer
        </button>
      </ButtonGroup>
    </form>
  );
}

function Confirmed({ token, view }: { token: string; view: ApplicationStatusView }) {
  const [problem, setProblem] = useState<string | null>(null);
  if (view.joined) {
    return (
      <p className="nhsuk-body">
        You have joined the set. <a href="/">Go to My sets</a>
      </p>
    );
  }
  const join = async () => {
    setProblem(null);
    try {
      const { url } = await apiRequest('POST', '/api/booking-status/invitation', {
        body: { token },
        schema: BookingInvitation,
      });
      window.location.assign(url);
    } catch (error) {
      setProblem(toApiError(error).message);
    }
  };
  return (
    <>
      <div className="nhsuk-inset-text">
        <p>Your place is confirmed.</p>
        {view.decisionMessage && <p className="app-preserve-lines">{view.decisionMessage}</p>}
      </div>
      {problem && (
        <p className="nhsuk-error-message" role="alert">
          {problem}
        </p>
      )}
      <button type="button" className="nhsuk-button" onClick={() => void join()}>
        Accept your place
      </button>
    </>
  );
}
