import type { CreatedLink } from '@setboard/shared';
import { useState } from 'react';
import { CopyField } from '../CopyField';
import { LINK_KIND_LABELS } from '../labels';

/** Whom a new link is for, in the organiser's own words, or a plain "no note". */
export function madeFor(link: CreatedLink['link']): string {
  const who = [link.note, link.email].filter((part) => part.trim() !== '');
  return who.length > 0 ? who.join(', ') : 'No note or email address given';
}

/**
 * The links made on this visit, newest first. Each says what it is and whom it is for beside
 * its address; only the link copied last says "Copied", so no one pastes the wrong one.
 */
export function MadeLinks({ links }: { links: readonly CreatedLink[] }) {
  const [lastCopiedId, setLastCopiedId] = useState<string | null>(null);
  if (links.length === 0) return null;
  return (
    <div className="nhsuk-inset-text app-new-link" data-testid="new-links">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      <p className="nhsuk-body">
        {links.length === 1 ? 'Your link is ready.' : `You have made ${links.length} links.`} Each
        is shown only now, so copy it and send it to the person it is for by email or message.
      </p>
      <ul className="nhsuk-list app-made-links">
        {links.map(({ link, url }) => {
          const kind = LINK_KIND_LABELS[link.kind];
          return (
            <li key={link.id} data-testid="new-link" data-kind={link.kind}>
              <CopyField
                id={`new-link-${link.id}`}
                label={`${kind} link`}
                hint={`For: ${madeFor(link)}`}
                value={url}
                lastCopied={lastCopiedId === link.id}
                onCopy={() => setLastCopiedId(link.id)}
              />
            </li>
          );
        })}
      </ul>
    </div>
  );
}
