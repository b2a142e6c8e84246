import type { LinkView, SetView } from '@setboard/shared';
import type { ApiResult } from '../../../api/use-api-get';
import { LinksTable } from '../../../ui/links/LinksTable';
import { type InvitedRole, NewLinkForm } from '../../../ui/links/NewLinkForm';
import { Loading } from '../../../ui/problem-pages';
import { createInvitation } from '../api/set-api';

interface InvitationsPanelProps {
  set: SetView;
  links: ApiResult<{ links: LinkView[] }>;
  onChanged: () => void;
  onRevoke: (link: LinkView) => void;
  revokingId: string | null;
}

const MEMBER_CHOICE = {
  value: 'member',
  label: 'Set member',
  hint: 'Brings real issues to the set and asks questions when others present.',
} as const;
const FACILITATOR_CHOICE = {
  value: 'facilitator',
  label: 'Facilitator',
  hint: 'Holds the process, time and ground rules. Only organisers can invite a facilitator.',
} as const;

/** Invite people to the set by link, and see what became of the links already made. */
export function InvitationsPanel({
  set,
  links,
  onChanged,
  onRevoke,
  revokingId,
}: InvitationsPanelProps) {
  const roleChoices: Array<{ value: InvitedRole; label: string; hint: string }> =
    set.viewerRole === 'organiser' ? [MEMBER_CHOICE, FACILITATOR_CHOICE] : [MEMBER_CHOICE];
  return (
    <section aria-labelledby="invitations-heading" data-testid="invitations">
      <h2 className="nhsuk-heading-m" id="invitations-heading">
        Invite people
      </h2>
      <p className="nhsuk-body">
        Each invitation link works once, for 14 days. Whoever opens it sees the set’s purpose, dates
        and ground rules before they accept or decline.
      </p>
      <NewLinkForm
        roleChoices={roleChoices}
        submitLabel="Create invitation link"
        onCreate={async (input) => {
          const created = await createInvitation(set.id, input);
          onChanged();
          return created;
        }}
      />
      <h3 className="nhsuk-heading-s">Links made for this set</h3>
      {links.state === 'loading' && <Loading />}
      {links.state === 'failed' && (
        <p className="nhsuk-body" role="alert">
          We could not load the links. {links.error.message}
        </p>
      )}
      {links.state === 'ready' && (
        <LinksTable
          caption="Links made for this set"
          links={links.data.links}
          onRevoke={onRevoke}
          revokingId={revokingId}
        />
      )}
    </section>
  );
}
