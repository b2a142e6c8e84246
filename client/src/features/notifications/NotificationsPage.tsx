import { NotificationList } from '@setboard/shared';
import { useState } from 'react';
import { Link } from 'react-router';
import { apiRequest } from '../../api/api-request';
import { toApiError } from '../../api/api-error';
import { useApiGet } from '../../api/use-api-get';
import { useSession } from '../../session/session-context';
import { BackLink } from '../../ui/BackLink';
import { formatMoment } from '../../ui/format';
import { ApiProblemPage, Loading, SignInNeededPage } from '../../ui/problem-pages';
import { PageHeading } from '../../ui/route-focus';
import { Tag } from '../../ui/Tag';
import { ReminderMailSettings } from './ReminderMailSettings';

const PATH = '/api/my/notifications';

/** `/notifications`: reminders and notices, newest first. */
export function NotificationsPage() {
  const person = useSession().view.person;
  if (!person) return <SignInNeededPage />;
  return <Notifications />;
}

function Notifications() {
  const { result, reload, replace } = useApiGet(PATH, NotificationList);
  const [problem, setProblem] = useState<string | null>(null);
  if (result.state === 'failed') return <ApiProblemPage error={result.error} onRetry={reload} />;
  if (result.state === 'loading') return <Loading />;
  const { notifications, unread } = result.data;
  const markAllRead = async () => {
    setProblem(null);
    try {
      replace(await apiRequest('POST', `${PATH}/read`, { body: {}, schema: NotificationList }));
    } catch (error) {
      setProblem(toApiError(error).message);
    }
  };
  return (
    <>
      <BackLink to="/">Back to My sets</BackLink>
      <PageHeading title="Notifications">Notifications</PageHeading>
      <p className="nhsuk-body">
        Reminders of actions falling due and meetings coming up, ground rules to agree, and
        apologies for the meetings you facilitate.
      </p>
      <ReminderMailSettings />
      {problem && (
        <p className="nhsuk-error-message" role="alert">
          {problem}
        </p>
      )}
      {notifications.length === 0 ? (
        <p className="nhsuk-body">Nothing yet.</p>
      ) : (
        <>
          {unread > 0 && (
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary"
              onClick={() => void markAllRead()}
            >
              Mark all as read
            </button>
          )}
          <ul className="nhsuk-list" data-testid="notifications">
            {notifications.map((item) => (
              <li key={item.id} className="nhsuk-card" data-testid="notification">
                <div className="nhsuk-card__content">
                  <h2 className="nhsuk-heading-s">
                    {!item.read && <Tag label="New" colour="blue" />}{' '}
                    <Link to={item.link}>{item.title}</Link>
                  </h2>
                  {item.detail && <p className="nhsuk-body app-preserve-lines">{item.detail}</p>}
                  <p className="nhsuk-body-s app-secondary-line">{formatMoment(item.createdAt)}</p>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
