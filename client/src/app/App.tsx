import type { SetView } from '@setboard/shared';
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { CreateSetPage } from '../features/create-set/CreateSetPage';
import { HomePage } from '../features/home/HomePage';
import { InvitationPage } from '../features/invitation/InvitationPage';
import { MeetingRoomLinks } from '../features/meeting/MeetingRoomLinks';
import { MeetingRoomPage } from '../features/meeting/MeetingRoomPage';
import { OrganiserDashboard } from '../features/organiser/OrganiserDashboard';
import { SetPage } from '../features/set/SetPage';
import { SetNotes } from '../features/set-notes/SetNotes';
import { SetupPage } from '../features/setup/SetupPage';
import { SignInPage } from '../features/sign-in/SignInPage';
import { SessionProvider } from '../session/SessionProvider';
import { Loading, NotFoundPage, ServiceProblemPage } from '../ui/problem-pages';
import { AppHeader } from './AppHeader';
import { Frame } from './Frame';
import { Layout } from './Layout';

/**
 * The boards carry the rich-text editor (TipTap and ProseMirror), most of the bundle: they load
 * when first opened, so the rest of the app stays quick to start.
 */
const named = <K extends string, T>(load: () => Promise<Record<K, T>>, name: K) =>
  lazy(() => load().then((module) => ({ default: module[name] as ComponentType })));
const SetBoardPage = named(() => import('../features/set-board/SetBoardPage'), 'SetBoardPage');
const MeetingBoardPage = named(
  () => import('../features/meeting-board/MeetingBoardPage'),
  'MeetingBoardPage',
);
const SlotBoardPage = named(() => import('../features/slot-board/SlotBoardPage'), 'SlotBoardPage');
const LearningLogPage = named(
  () => import('../features/learning-log/LearningLogPage'),
  'LearningLogPage',
);
const loadingBoard = (page: ReactNode) => <Suspense fallback={<Loading />}>{page}</Suspense>;

/** The set page shows each feature's live content for the set; features never import each other. */
const renderSetContent = (setId: string) => <SetNotes setId={setId} />;
const renderMeetingRooms = (set: SetView) => <MeetingRoomLinks set={set} />;

/** While the server has not yet said who is signed in (or could not be asked). */
function SessionPending({ failure }: { failure: { retry: () => void } | null }) {
  return (
    <Frame header={<AppHeader personName={null} onSignOut={() => {}} />}>
      {failure ? <ServiceProblemPage onRetry={failure.retry} /> : <Loading />}
    </Frame>
  );
}

/** Routes, session and the page frame. Link pages carry their token in the fragment. */
export function App() {
  return (
    <BrowserRouter>
      <SessionProvider pending={(failure) => <SessionPending failure={failure} />}>
        <Routes>
          <Route element={<Layout />}>
            <Route index element={<HomePage />} />
            <Route path="setup" element={<SetupPage />} />
            <Route path="invitation" element={<InvitationPage />} />
            <Route path="sign-in" element={<SignInPage />} />
            <Route path="organiser" element={<OrganiserDashboard />} />
            <Route path="organiser/sets/new" element={<CreateSetPage />} />
            <Route
              path="sets/:setId"
              element={
                <SetPage renderContent={renderSetContent} renderMeetingRooms={renderMeetingRooms} />
              }
            />
            <Route path="sets/:setId/board" element={loadingBoard(<SetBoardPage />)} />
            <Route path="sets/:setId/meetings/:meetingIndex" element={<MeetingRoomPage />} />
            <Route
              path="sets/:setId/meetings/:meetingIndex/board"
              element={loadingBoard(<MeetingBoardPage />)}
            />
            <Route path="log" element={loadingBoard(<LearningLogPage />)} />
            <Route path="log/:personId" element={loadingBoard(<LearningLogPage />)} />
            <Route
              path="sets/:setId/meetings/:meetingIndex/slots/:slotId"
              element={loadingBoard(<SlotBoardPage />)}
            />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </SessionProvider>
    </BrowserRouter>
  );
}
