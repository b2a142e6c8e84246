import { SetView } from '@setboard/shared';
import type { ReactNode } from 'react';
import { useApiGet } from '../api/use-api-get';
import { ApiProblemPage, Loading, NoAccessPage, NotFoundPage } from './problem-pages';

/** `GET /api/sets/:setId`: the set as its people see it. */
export function setApiPath(setId: string): string {
  return `/api/sets/${encodeURIComponent(setId)}`;
}

/**
 * Loads a set for a page of its content (a room or a board) and renders `children` with it, or
 * the page to show instead: a problem, loading, a planned meeting the set does not have, or no
 * access for organisers, who see membership and attendance but never content (docs/domain.md).
 */
export function LoadedSet(props: {
  setId: string;
  /** The planned meeting the page is about, if any: not in the plan → not found. */
  meetingIndex?: number;
  children: (set: SetView) => ReactNode;
}) {
  const { result, reload } = useApiGet(setApiPath(props.setId), SetView);
  if (result.state === 'failed') return <ApiProblemPage error={result.error} onRetry={reload} />;
  if (result.state === 'loading') return <Loading />;
  const set = result.data;
  if (props.meetingIndex !== undefined && !set.meetings[props.meetingIndex]) {
    return <NotFoundPage />;
  }
  if (set.viewerRole === 'organiser') {
    // True words for an organiser: they run the set, but what it discusses is the members'.
    return (
      <NoAccessPage because="Meetings and boards are for the set’s members and facilitator. As an organiser you see the set’s plan and people, not what it discusses." />
    );
  }
  return <>{props.children(set)}</>;
}
