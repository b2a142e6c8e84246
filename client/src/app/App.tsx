import type { SetView } from '@setboard/shared';
import { BrowserRouter, Route, Routes } from 'react-router';
import { CreateSetPage } from '../features/create-set/CreateSetPage';
import { HomePage } from '../features/home/HomePage';
import { InvitationPage } from '../features/invitation/InvitationPage';
import { LearningLogPage } from '../features/learning-log/LearningLogPage';
import { MeetingRoomLinks } from '../features/meeting/MeetingRoomLinks';
import { MeetingRoomPage } from '../features/meeting/MeetingRoomPage';
import { MeetingBoardPage } from '../features/meeting-board/MeetingBoardPage';
import { OrganiserDashboard } from '../features/organiser/OrganiserDashboard';
import { SetPage } from '../features/set/SetPage';
import { SetBoardPage } from '../features/set-board/SetBoardPage';
import { SetNotes } from '../features/set-notes/SetNotes';
import { SetupPage } from '../features/setup/SetupPage';
import { SignInPage } from '../features/sign-in/SignInPage';
import { SlotBoardPage } from '../features/slot-board/SlotBoardPage';
import { SessionProvider } from '../session/SessionProvider';
import { Loading, NotFoundPage, ServiceProblemPage } from '../ui/problem-pages';
import { AppHeader } from './AppHeader';
import { Frame } from './Frame';
import { Layout } from './Layout';

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
            <Route path="sets/:setId/board" element={<SetBoardPage />} />
            <Route path="sets/:setId/meetings/:meetingIndex" element={<MeetingRoomPage />} />
            <Route path="sets/:setId/meetings/:meetingIndex/board" element={<MeetingBoardPage />} />
            <Route path="log" element={<LearningLogPage />} />
            <Route path="log/:personId" element={<LearningLogPage />} />
            <Route
              path="sets/:setId/meetings/:meetingIndex/slots/:slotId"
              element={<SlotBoardPage />}
            />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </SessionProvider>
    </BrowserRouter>
  );
}
