import type { LinkView } from '@setboard/shared';
import { useState } from 'react';
import { toApiError } from '../../../api/api-error';
import { useApiGet } from '../../../api/use-api-get';
import { LinksTable } from '../../../ui/links/LinksTable';
import { NewLinkForm } from '../../../ui/links/NewLinkForm';
import { Loading } from '../../../ui/problem-pages';
import {
  ORGANISER_LINKS_PATH,
  OrganiserLinksReply,
  createOrganiserInvitation,
  revokeOrganiserLink,
} from '../api/organiser-api';

/** Invite further organisers, and see or revoke the invitations already made. */
export function OrganiserInvitations() {
  const { result, reload } = useApiGet(ORGANISER_LINKS_PATH, OrganiserLinksReply);
  const [revokingId, setRevokingId] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const revoke = async (link: LinkView): Promise<void> => {
    setRevokingId(link.id);
    setProblem(null);
    try {
      await revokeOrganiserLink(link.id);
      reload();
    } catch (error) {
      setProblem(toApiError(error).message);
    } finally {
      setRevokingId(null);
    }
  };

  return (
    <section aria-labelledby="organiser-invitations-heading" data-testid="organiser-invitations">
      <h2 className="nhsuk-heading-m" id="organiser-invitations-heading">
        Invite an organiser
      </h2>
      <p className="nhsuk-body">
        Organisers can create sets and invite people. The link works once, for 14 days.
      </p>
      <NewLinkForm
        submitLabel="Create organiser invitation link"
        onCreate={async ({ email, note }) => {
          const created = await createOrganiserInvitation({ email, note });
          reload();
          return created;
        }}
      />
      {problem && (
        <p className="nhsuk-error-message" role="alert">
          {problem}
        </p>
      )}
      <h3 className="nhsuk-heading-s">Organiser invitations made</h3>
      {result.state === 'loading' && <Loading />}
      {result.state === 'failed' && (
        <p className="nhsuk-body" role="alert">
          We could not load the organiser invitations. {result.error.message}
        </p>
      )}
      {result.state === 'ready' && (
        <LinksTable
          caption="Organiser invitations"
          links={result.data.links}
          onRevoke={(link) => void revoke(link)}
          revokingId={revokingId}
        />
      )}
    </section>
  );
}
