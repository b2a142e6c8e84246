import type { SetSummary } from '@setboard/shared';
import { Link } from 'react-router';
import { countOf, formatMeetingWhen } from '../../../ui/format';
import { LIFECYCLE_TAGS } from '../../../ui/labels';
import { Cell, ResponsiveTable, Row, RowHeader } from '../../../ui/Table';
import { Tag } from '../../../ui/Tag';

const HEADINGS = ['Set', 'Stage', 'Next meeting', 'Members', 'Mix'] as const;

/** Every set, with how many warnings its composition raises. */
export function AllSetsTable({ sets }: { sets: readonly SetSummary[] }) {
  if (sets.length === 0) {
    return (
      <p className="nhsuk-body" data-testid="no-sets">
        There are no sets yet. Create the first one to start inviting people.
      </p>
    );
  }
  return (
    <ResponsiveTable caption="All sets" hideCaption headings={HEADINGS} testId="all-sets">
      {sets.map((set) => (
        <Row key={set.id}>
          <RowHeader heading="Set">
            <Link to={`/sets/${set.id}`}>{set.name}</Link>
          </RowHeader>
          <Cell heading="Stage">
            <Tag {...LIFECYCLE_TAGS[set.lifecycle]} />
          </Cell>
          <Cell heading="Next meeting">
            {set.nextMeeting ? formatMeetingWhen(set.nextMeeting) : 'None planned'}
          </Cell>
          <Cell heading="Members">{set.memberCount}</Cell>
          <Cell heading="Mix">
            {set.warningCount === 0 ? (
              <Tag label="No warnings" colour="green" />
            ) : (
              <Tag label={countOf(set.warningCount, 'warning')} colour="orange" />
            )}
          </Cell>
        </Row>
      ))}
    </ResponsiveTable>
  );
}
