import type { LinkView } from '@setboard/shared';
import '../controls.css';
import { formatMoment } from '../format';
import { LINK_KIND_LABELS, LINK_STATUS_TAGS } from '../labels';
import { Cell, ResponsiveTable, Row, RowHeader } from '../Table';
import { Tag } from '../Tag';

interface LinksTableProps {
  /** Names the table for screen readers; a heading above names it for everyone. */
  caption: string;
  links: readonly LinkView[];
  onRevoke: (link: LinkView) => void;
  /** The link being revoked now, whose button is disabled. */
  revokingId: string | null;
}

const HEADINGS = ['For', 'Kind', 'Status', 'Made', 'Action'] as const;

function forWhom(link: LinkView): string {
  return link.personName ?? (link.email || link.note || 'Not recorded');
}

/** Who each link was for, and its state; links not used yet can be revoked. */
export function LinksTable({ caption, links, onRevoke, revokingId }: LinksTableProps) {
  if (links.length === 0) return <p className="nhsuk-body">No links have been made yet.</p>;
  return (
    <ResponsiveTable caption={caption} hideCaption headings={HEADINGS} testId="links-table">
      {links.map((link) => {
        const who = forWhom(link);
        return (
          <Row key={link.id}>
            <RowHeader heading="For">
              {who}
              {link.note && link.note !== who && (
                <span className="nhsuk-body-s app-secondary-line">{link.note}</span>
              )}
            </RowHeader>
            <Cell heading="Kind">{LINK_KIND_LABELS[link.kind]}</Cell>
            <Cell heading="Status">
              <Tag {...LINK_STATUS_TAGS[link.status]} />
            </Cell>
            <Cell heading="Made">
              {formatMoment(link.createdAt)} by {link.createdByName}
              {link.status === 'pending' && (
                <span className="nhsuk-body-s app-secondary-line">
                  Works until {formatMoment(link.expiresAt)}
                </span>
              )}
            </Cell>
            <Cell heading="Action">
              {link.status === 'pending' ? (
                <button
                  type="button"
                  className="app-link-button"
                  disabled={revokingId === link.id}
                  onClick={() => onRevoke(link)}
                >
                  Revoke<span className="nhsuk-u-visually-hidden"> the link for {who}</span>
                </button>
              ) : (
                'None'
              )}
            </Cell>
          </Row>
        );
      })}
    </ResponsiveTable>
  );
}
