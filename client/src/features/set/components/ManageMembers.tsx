import type { CreatedLink, LinkView, Membership, SetView } from '@setboard/shared';
import { useState } from 'react';
import { toApiError } from '../../../api/api-error';
import { useApiGet } from '../../../api/use-api-get';
import { CopyField } from '../../../ui/CopyField';
import {
  SetLinksReply,
  createSignInLink,
  removeMember,
  revokeSetLink,
  setLinksPath,
} from '../api/set-api';
import { InvitationsPanel } from './InvitationsPanel';
import { MembersTable } from './MembersTable';
import { RemoveMemberConfirm } from './RemoveMemberConfirm';

interface ManageMembersProps {
  set: SetView;
  viewerId: string;
  onSetChanged: (set: SetView) => void;
}

type Pending =
  | { kind: 'none' }
  | { kind: 'confirm-remove'; member: Membership }
  | { kind: 'sign-in-link'; member: Membership; created: CreatedLink };

/** For the facilitator and organisers: members with their actions, and invitations. */
export function ManageMembers({ set, viewerId, onSetChanged }: ManageMembersProps) {
  const links = useApiGet(setLinksPath(set.id), SetLinksReply);
  const [pending, setPending] = useState<Pending>({ kind: 'none' });
  const [busyId, setBusyId] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const run = async (id: string, action: () => Promise<void>): Promise<void> => {
    setBusyId(id);
    setProblem(null);
    try {
      await action();
    } catch (error) {
      setProblem(toApiError(error).message);
    } finally {
      setBusyId(null);
    }
  };

  const issueSignInLink = (member: Membership) =>
    void run(member.person.id, async () => {
      const created = await createSignInLink(set.id, member.person.id);
      setPending({ kind: 'sign-in-link', member, created });
      links.reload();
    });
  const confirmRemove = (member: Membership) =>
    void run(member.person.id, async () => {
      onSetChanged(await removeMember(set.id, member.person.id));
      setPending({ kind: 'none' });
      links.reload();
    });
  const revoke = (link: LinkView) =>
    void run(link.id, async () => {
      await revokeSetLink(set.id, link.id);
      links.reload();
    });

  return (
    <>
      <section aria-labelledby="members-heading">
        <h2 className="nhsuk-heading-m" id="members-heading">
          Members
        </h2>
        {problem && (
          <p className="nhsuk-error-message" role="alert">
            {problem}
          </p>
        )}
        {pending.kind === 'confirm-remove' && (
          <RemoveMemberConfirm
            member={pending.member}
            busy={busyId === pending.member.person.id}
            onConfirm={() => confirmRemove(pending.member)}
            onCancel={() => setPending({ kind: 'none' })}
          />
        )}
        {pending.kind === 'sign-in-link' && (
          <div className="nhsuk-inset-text" data-testid="sign-in-link">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p className="nhsuk-body">
              Send this link to {pending.member.person.name} to sign in on a new device. It works
              once, for 2 days, and is shown only now.
            </p>
            <CopyField
              id="sign-in-link-url"
              label={`Sign-in link for ${pending.member.person.name}`}
              value={pending.created.url}
            />
          </div>
        )}
        <MembersTable
          members={set.members}
          actions={{
            viewerId,
            busyPersonId: busyId,
            onRemove: (member) => setPending({ kind: 'confirm-remove', member }),
            onSignInLink: issueSignInLink,
          }}
        />
      </section>
      <InvitationsPanel
        set={set}
        links={links.result}
        onChanged={links.reload}
        onRevoke={revoke}
        revokingId={busyId}
      />
    </>
  );
}
