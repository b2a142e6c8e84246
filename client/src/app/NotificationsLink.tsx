import { NotificationList } from '@setboard/shared';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useApiGet } from '../api/use-api-get';
import { useRealtime } from '../realtime/realtime-context';

/** The header's way into the notification centre, with how many are unread (kept live). */
export function NotificationsLink() {
  const { result } = useApiGet('/api/my/notifications', NotificationList);
  const { socket } = useRealtime();
  const [live, setLive] = useState<number | null>(null);
  useEffect(() => {
    const onChanged = ({ unread }: { unread: number }) => setLive(unread);
    socket.on('notifications:changed', onChanged);
    return () => {
      socket.off('notifications:changed', onChanged);
    };
  }, [socket]);
  const unread = live ?? (result.state === 'ready' ? result.data.unread : 0);
  return (
    <Link
      className="nhsuk-header__account-link"
      to="/notifications"
      data-testid="notifications-link"
    >
      Notifications
      {unread > 0 && (
        <>
          {' '}
          <span className="app-unread-count" data-testid="unread-count">
            {unread}
          </span>
          <span className="nhsuk-u-visually-hidden"> unread</span>
        </>
      )}
    </Link>
  );
}
