import type { Peer } from '../hooks/use-awareness-peers';
import type { PresenceIdentity } from '../lib/presence-identity';

interface PresenceListProps {
  self: PresenceIdentity;
  peers: readonly Peer[];
}

function Swatch({ colour }: { colour: string }) {
  // Set through the DOM style API, which a CSP without 'unsafe-inline' still allows.
  return (
    <span className="app-presence__swatch" style={{ backgroundColor: colour }} aria-hidden="true" />
  );
}

/** Who else has the notes open (names come from each tab's awareness state). */
export function PresenceList({ self, peers }: PresenceListProps) {
  return (
    <section className="app-presence" aria-labelledby="presence-heading">
      <h3 className="nhsuk-heading-s" id="presence-heading">
        Who is here
      </h3>
      <ul className="nhsuk-list app-presence__list" data-testid="presence-list">
        <li className="app-presence__person">
          <Swatch colour={self.colour} />
          <span>
            <span data-testid="presence-self">{self.name}</span> (you)
          </span>
        </li>
        {peers.map((peer) => (
          <li key={peer.clientId} className="app-presence__person">
            <Swatch colour={peer.colour} />
            {peer.name}
          </li>
        ))}
      </ul>
      {peers.length === 0 && <p className="nhsuk-body-s">No one else has the notes open.</p>}
    </section>
  );
}
