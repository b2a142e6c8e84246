import { SPINE_DOC_NAME } from '@setboard/shared';
import { useEffect, useMemo } from 'react';
import { useRealtime } from '../../realtime/realtime-context';
import { useYjsDoc } from '../../realtime/use-yjs-doc';
import { ClockOffset } from './components/ClockOffset';
import { PresenceList } from './components/PresenceList';
import { SharedNotes } from './components/SharedNotes';
import { useAwarenessPeers } from './hooks/use-awareness-peers';
import { useClockOffset } from './hooks/use-clock-offset';
import { pickFriendlyIdentity } from './lib/friendly-identity';

/** Chosen once per tab (module scope, not render) until the server assigns identities. */
const tabIdentity = pickFriendlyIdentity();

/** Name of the shared text inside the spine doc. */
const NOTES_TEXT_NAME = 'notes';

/** The foundation page: proves browser ↔ server ↔ browser sync of a Yjs doc end to end. */
export function SpinePage() {
  const { socket } = useRealtime();
  const { binding, status } = useYjsDoc(SPINE_DOC_NAME);
  const ytext = useMemo(() => binding?.doc.getText(NOTES_TEXT_NAME) ?? null, [binding]);
  const awareness = binding?.provider.awareness ?? null;
  const peers = useAwarenessPeers(awareness);
  const clockOffset = useClockOffset(socket);

  useEffect(() => {
    awareness?.setLocalStateField('user', tabIdentity);
  }, [awareness]);

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <SharedNotes ytext={ytext} readOnly={status.kind === 'closed'} />
      </div>
      <div className="nhsuk-grid-column-one-third">
        <PresenceList self={tabIdentity} peers={peers} />
        <ClockOffset offset={clockOffset} />
      </div>
    </div>
  );
}
