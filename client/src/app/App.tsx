import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { HomePage } from '../features/home/HomePage';
import { InvitationPage } from '../features/invitation/InvitationPage';
import { SetupPage } from '../features/setup/SetupPage';
import { SignInPage } from '../features/sign-in/SignInPage';
import { SessionProvider } from '../session/SessionProvider';
import { Loading, NotFoundPage, ServiceProblemPage } from '../ui/problem-pages';
import { AppHeader } from './AppHeader';
import { Frame } from './Frame';
import { Layout } from './Layout';

/**
 * Only the pages a signed-out person lands on (home, sign-in, invitation, set-up) are in the first
 * bundle. Every other page loads when first opened: the boards carry the rich-text editor
 * (TipTap, ProseMirror) and Yjs, most of the bundle, and the set and meeting pages bring the live
 * notes and the meeting state. The bundle budget (scripts/bundle-budget.mjs) holds this line.
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
const CreateSetPage = named(() => import('../features/create-set/CreateSetPage'), 'CreateSetPage');
const EditSetPage = named(() => import('../features/edit-set/EditSetPage'), 'EditSetPage');
const MyActionsPage = named(() => import('../features/my-actions/MyActionsPage'), 'MyActionsPage');
const NotificationsPage = named(
  () => import('../features/notifications/NotificationsPage'),
  'NotificationsPage',
);
const MeetingRoomPage = named(
  () => import('../features/meeting/MeetingRoomPage'),
  'MeetingRoomPage',
);
const OrganiserDashboard = named(
  () => import('../features/organiser/OrganiserDashboard'),
  'OrganiserDashboard',
);
const MyDataPage = named(() => import('../features/my-data/MyDataPage'), 'MyDataPage');
const BookingListPage = named(
  () => import('../features/booking/BookingListPage'),
  'BookingListPage',
);
const BookingPage = named(() => import('../features/booking/BookingPage'), 'BookingPage');
const BookingStatusPage = named(
  () => import('../features/booking/BookingStatusPage'),
  'BookingStatusPage',
);
const UnsubscribePage = named(
  () => import('../features/notifications/UnsubscribePage'),
  'UnsubscribePage',
);
const BookingApplicationsPage = named(
  () => import('../features/organiser/BookingApplicationsPage'),
  'BookingApplicationsPage',
);
const RoomDisplayPage = named(
  () => import('../features/room-display/RoomDisplayPage'),
  'RoomDisplayPage',
);
const AccountPage = named(() => import('../features/account/AccountPage'), 'AccountPage');
const SignOutPage = named(() => import('../features/account/SignOutPage'), 'SignOutPage');
const SetPageWithContent = named(() => import('./set-page-with-content'), 'SetPageWithContent');
const loadingPage = (page: ReactNode) => <Suspense fallback={<Loading />}>{page}</Suspense>;

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
          {/* The room's shared screen: no header, no links, nowhere else to go. */}
          <Route path="display" element={loadingPage(<RoomDisplayPage />)} />
          <Route element={<Layout />}>
            <Route index element={<HomePage />} />
            <Route path="setup" element={<SetupPage />} />
            <Route path="invitation" element={<InvitationPage />} />
            <Route path="sign-in" element={<SignInPage />} />
            <Route path="organiser" element={loadingPage(<OrganiserDashboard />)} />
            <Route path="actions" element={loadingPage(<MyActionsPage />)} />
            <Route path="notifications" element={loadingPage(<NotificationsPage />)} />
            <Route path="my-data" element={loadingPage(<MyDataPage />)} />
            <Route path="organiser/sets/new" element={loadingPage(<CreateSetPage />)} />
            <Route path="sets/:setId" element={loadingPage(<SetPageWithContent />)} />
            <Route path="sets/:setId/edit" element={loadingPage(<EditSetPage />)} />
            <Route path="sets/:setId/board" element={loadingPage(<SetBoardPage />)} />
            <Route path="sign-out" element={loadingPage(<SignOutPage />)} />
            <Route path="account" element={loadingPage(<AccountPage />)} />
            <Route
              path="organiser/sets/:setId/bookings"
              element={loadingPage(<BookingApplicationsPage />)}
            />
            <Route path="book" element={loadingPage(<BookingListPage />)} />
            <Route path="book/:code" element={loadingPage(<BookingPage />)} />
            <Route path="booking-status" element={loadingPage(<BookingStatusPage />)} />
            <Route path="unsubscribe" element={loadingPage(<UnsubscribePage />)} />
            <Route
              path="sets/:setId/meetings/:meetingIndex"
              element={loadingPage(<MeetingRoomPage />)}
            />
            <Route
              path="sets/:setId/meetings/:meetingIndex/board"
              element={loadingPage(<MeetingBoardPage />)}
            />
            <Route path="log" element={loadingPage(<LearningLogPage />)} />
            <Route path="log/:personId" element={loadingPage(<LearningLogPage />)} />
            <Route path="sets/:setId/log" element={loadingPage(<LearningLogPage />)} />
            <Route
              path="sets/:setId/meetings/:meetingIndex/slots/:slotId"
              element={loadingPage(<SlotBoardPage />)}
            />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </SessionProvider>
    </BrowserRouter>
  );
}
