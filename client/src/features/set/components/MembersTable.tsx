import { type Membership, bandLabel, isActiveMember } from '@setboard/shared';
import '../../../ui/controls.css';
import { MEMBERSHIP_STATUS_TAGS, ROLE_LABELS } from '../../../ui/labels';
import { Cell, ResponsiveTable, Row, RowHeader } from '../../../ui/Table';
import { Tag } from '../../../ui/Tag';

interface MembersTableProps {
  members: readonly Membership[];
  /** Present for the facilitator and organisers: per-member actions. */
  actions?: {
    viewerId: string;
    onRemove: (member: Membership) => void;
    onSignInLink: (member: Membership) => void;
    busyPersonId: string | null;
  };
}

/** Everyone in the set, facilitator first, with where they work and their role. */
export function MembersTable({ members, actions }: MembersTableProps) {
  if (members.length === 0) {
    return <p className="nhsuk-body">No one has joined yet.</p>;
  }
  const sorted = [...members].sort(
    (a, b) => rank(a) - rank(b) || a.person.name.localeCompare(b.person.name, 'en-GB'),
  );
  const headings = ['Name', 'Organisation', 'Job title', 'Band', 'Role', 'Status'];
  return (
    <ResponsiveTable
      caption="Members of the set"
      hideCaption
      headings={actions ? [...headings, 'Actions'] : headings}
      testId="members"
    >
      {sorted.map((member) => (
        <Row key={member.person.id}>
          <RowHeader heading="Name">{member.person.name}</RowHeader>
          <Cell heading="Organisation">{member.person.organisation}</Cell>
          <Cell heading="Job title">{member.person.jobTitle}</Cell>
          <Cell heading="Band">
            {member.person.band ? bandLabel(member.person.band) : 'Not asked'}
          </Cell>
          <Cell heading="Role">{ROLE_LABELS[member.role]}</Cell>
          <Cell heading="Status">
            <Tag {...MEMBERSHIP_STATUS_TAGS[member.status]} />
          </Cell>
          {actions && (
            <Cell heading="Actions">
              <MemberActions member={member} {...actions} />
            </Cell>
          )}
        </Row>
      ))}
    </ResponsiveTable>
  );
}

/** Active people first, the facilitator before members. */
function rank(member: Membership): number {
  return (isActiveMember(member) ? 0 : 2) + (member.role === 'facilitator' ? 0 : 1);
}

function MemberActions({
  member,
  viewerId,
  onRemove,
  onSignInLink,
  busyPersonId,
}: { member: Membership } & NonNullable<MembersTableProps['actions']>) {
  if (!isActiveMember(member)) return <>None</>;
  const name = member.person.name;
  const busy = busyPersonId === member.person.id;
  return (
    <span className="app-row-actions">
      <button
        type="button"
        className="app-link-button"
        onClick={() => onSignInLink(member)}
        disabled={busy}
      >
        Sign-in link<span className="nhsuk-u-visually-hidden"> for {name}</span>
      </button>
      {member.person.id !== viewerId && (
        <button
          type="button"
          className="app-link-button"
          onClick={() => onRemove(member)}
          disabled={busy}
        >
          Remove<span className="nhsuk-u-visually-hidden"> {name}</span> from set
        </button>
      )}
    </span>
  );
}
