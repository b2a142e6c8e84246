import { activeMembers, type Membership, type SetView } from '@setboard/shared';

interface FacilitationPanelProps {
  set: SetView;
  viewerId: string;
  busy: boolean;
  onRequest: () => void;
  onGrant: (member: Membership) => void;
}

/**
 * Handing facilitation on (docs/domain.md: a facilitator who presents hands facilitation to someone
 * else): members ask; the facilitator or an organiser hands it over.
 */
export function FacilitationPanel({
  set,
  viewerId,
  busy,
  onRequest,
  onGrant,
}: FacilitationPanelProps) {
  const active = activeMembers(set.members);
  const facilitator = active.find((member) => member.role === 'facilitator');
  const requests = active.filter((m) => m.role === 'member' && m.requestedFacilitation);
  const me = active.find((member) => member.person.id === viewerId);

  return (
    <section aria-labelledby="facilitation-heading" data-testid="facilitation">
      <h2 className="nhsuk-heading-m" id="facilitation-heading">
        Facilitation
      </h2>
      <p className="nhsuk-body">
        {facilitator
          ? `${facilitator.person.name} facilitates this set.`
          : 'This set has no facilitator yet.'}
      </p>
      {set.viewerRole === 'member' &&
        me &&
        (me.requestedFacilitation ? (
          <p className="nhsuk-body" data-testid="facilitation-requested">
            You have asked to facilitate. The facilitator or an organiser can hand facilitation to
            you.
          </p>
        ) : (
          <>
            <p className="nhsuk-body">
              If you would like to take over facilitation, for example while the facilitator
              presents, you can ask.
            </p>
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary"
              onClick={onRequest}
              disabled={busy}
            >
              Ask to facilitate
            </button>
          </>
        ))}
      {set.viewerRole !== 'member' &&
        (requests.length === 0 ? (
          <p className="nhsuk-body">No one has asked to facilitate.</p>
        ) : (
          <ul className="nhsuk-list" data-testid="facilitation-requests">
            {requests.map((member) => (
              <li key={member.person.id} className="app-request">
                <p className="nhsuk-body">{member.person.name} has asked to facilitate.</p>
                <button
                  type="button"
                  className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                  onClick={() => onGrant(member)}
                  disabled={busy}
                >
                  Hand facilitation to {member.person.name}
                </button>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
