import { useMemo } from 'react';
import type { MeetingNews } from '../../../live-meeting/use-meeting';
import { announcementFor } from '../lib/announcements';

/**
 * The room's one polite live region: turn changes, "your turn" and time warnings. Each new
 * sentence replaces the last as a new node, so the same words are read again when repeated.
 */
export function Announcer({
  news,
  selfId,
  nameOf,
}: {
  news: MeetingNews | null;
  selfId: string;
  nameOf: (personId: string) => string;
}) {
  const sentence = useMemo(
    () => (news ? announcementFor(news.events, { state: news.state, selfId, nameOf }) : null),
    [news, selfId, nameOf],
  );
  return (
    <div className="app-announcer" aria-live="polite" data-testid="announcer">
      {sentence && news && (
        <p className="nhsuk-body-s" key={news.serial}>
          {sentence}
        </p>
      )}
    </div>
  );
}
