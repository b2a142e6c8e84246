import { useState } from 'react';
import { toApiError } from '../../../api/api-error';
import { useApiGet } from '../../../api/use-api-get';
import { CopyField } from '../../../ui/CopyField';
import { ORGANISERS_PATH, OrganiserList, organiserSignInLink } from '../api/account-api';

/** Organisers issue sign-in links for other organisers (never for members). */
export function OrganiserSignInLinks() {
  const { result } = useApiGet(ORGANISERS_PATH, OrganiserList);
  const [links, setLinks] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const issue = async (personId: string) => {
    try {
      const created = await organiserSignInLink(personId);
      setLinks((current) => ({ ...current, [personId]: created.url }));
    } catch (failure) {
      setError(toApiError(failure).message);
    }
  };
  return (
    <section aria-labelledby="organisers-heading" data-testid="organiser-sign-in-links">
      <h2 className="nhsuk-heading-m" id="organisers-heading">
        Sign-in links for other organisers
      </h2>
      <p className="nhsuk-body">
        An organiser who cannot get in can use a link you make here, once, within two days. It opens
        their sets but not what is only theirs, and they are told you issued it.
      </p>
      {result.state === 'ready' && result.data.organisers.length === 0 && (
        <p className="nhsuk-body">There are no other organisers yet.</p>
      )}
      {result.state === 'ready' && (
        <ul className="nhsuk-list">
          {result.data.organisers.map((organiser) => (
            <li key={organiser.id}>
              {links[organiser.id] ? (
                <CopyField
                  id={`organiser-link-${organiser.id}`}
                  label={`Sign-in link for ${organiser.name}`}
                  value={links[organiser.id]!}
                />
              ) : (
                <button
                  type="button"
                  className="nhsuk-button nhsuk-button--secondary"
                  onClick={() => void issue(organiser.id)}
                >
                  Make a sign-in link for {organiser.name}
                  <span className="nhsuk-u-visually-hidden"> ({organiser.organisation})</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="nhsuk-error-message" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
