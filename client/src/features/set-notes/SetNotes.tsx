import { type DocName, distinctPresenceColours } from '@setboard/shared';
import { useEffect, useMemo } from 'react';
import { useYjsDoc } from '../../realtime/use-yjs-doc';
import { useSignedInPerson } from '../../session/session-context';
import { PresenceList } from './components/PresenceList';
import { SharedNotes } from './components/SharedNotes';
import { useAccessRevoked } from './hooks/use-access-revoked';
import { useAwarenessPeers } from './hooks/use-awareness-peers';
import { identityFor } from './lib/presence-identity';

/** Name of the shared text inside a set's doc. */
export const NOTES_TEXT_NAME = 'notes';

/** The set's own collaborative document (`docs/protocol.md`: `set:<setId>`). */
function setDocName(setId: string): DocName {
  return `set:${setId}`;
}

/** The set's shared notes, live: only its members and facilitator can open the doc. */
export function SetNotes({ setId }: { setId: string }) {
  const person = useSignedInPerson();
  const { binding, status } = useYjsDoc(setDocName(setId), person?.id ?? '');
  const ytext = useMemo(() => binding?.doc.getText(NOTES_TEXT_NAME) ?? null, [binding]);
  const awareness = binding?.provider.awareness ?? null;
  const peers = useAwarenessPeers(awareness);
  const revoked = useAccessRevoked(setId);
  const self = useMemo(() => identityFor(person ?? { id: '', name: 'You' }), [person]);
  // No two people here share a colour (each keeps their own where no one else has it).
  const colours = distinctPresenceColours(
    [self, ...peers].flatMap((identity) => (identity.id ? [identity.id] : [])),
  );
  const colourOf = (identity: { id?: string; colour: string }) =>
    (identity.id && colours.get(identity.id)) || identity.colour;

  useEffect(() => {
    awareness?.setLocalStateField('user', self);
  }, [awareness, self]);

  return (
    <div className="nhsuk-grid-row app-set-notes">
      <div className="nhsuk-grid-column-two-thirds">
        {revoked && (
          <div className="nhsuk-inset-text" role="alert" data-testid="access-revoked">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>You are no longer a member of this set, so its notes have closed.</p>
          </div>
        )}
        <SharedNotes ytext={ytext} readOnly={revoked || status.kind === 'closed'} />
      </div>
      <div className="nhsuk-grid-column-one-third">
        <PresenceList
          self={{ ...self, colour: colourOf(self) }}
          peers={onePerPerson(peers, self.id).map((peer) => ({ ...peer, colour: colourOf(peer) }))}
        />
      </div>
    </div>
  );
}

/** Someone with the notes open in several tabs is listed once; your own other tabs not at all. */
function onePerPerson<T extends { id?: string }>(peers: readonly T[], selfId?: string): T[] {
  const seen = new Set<string>(selfId ? [selfId] : []);
  return peers.filter((peer) => {
    if (!peer.id) return true;
    if (seen.has(peer.id)) return false;
    seen.add(peer.id);
    return true;
  });
}
