import { SpinePage } from '../features/spine/SpinePage';
import { ConnectionStatus } from '../realtime/ConnectionStatus';
import { RealtimeProvider } from '../realtime/RealtimeProvider';
import { AppFooter } from './AppFooter';
import { AppHeader } from './AppHeader';
import { SkipLink } from './SkipLink';

const MAIN_ID = 'maincontent';

/** The page frame (NHS.UK template layout) around the one page the foundation has. */
export function App() {
  return (
    <RealtimeProvider>
      <SkipLink targetId={MAIN_ID} />
      <AppHeader />
      <div className="nhsuk-width-container">
        <main className="nhsuk-main-wrapper" id={MAIN_ID}>
          <ConnectionStatus />
          <SpinePage />
        </main>
      </div>
      <AppFooter />
    </RealtimeProvider>
  );
}
