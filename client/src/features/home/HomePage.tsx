import { useSession } from '../../session/session-context';
import { FlashBanner } from '../../ui/flash';
import { MySets } from './components/MySets';
import { SignedOutHome } from './components/SignedOutHome';

/** `/`: "My sets" when signed in, otherwise how to get in. */
export function HomePage() {
  const { view } = useSession();
  if (!view.person) {
    return (
      <>
        <FlashBanner />
        <SignedOutHome setupPending={view.setupPending} />
      </>
    );
  }
  return <MySets isOrganiser={view.person.isOrganiser} />;
}
