import { type BoardWriteContext, type SetView, personalRoot } from '@setboard/shared';
import type * as Y from 'yjs';
import { fieldAccess } from '../../../realtime/board-context';
import { LockedNote } from '../../../records/LockedNote';
import { ObjectivesPanel } from '../../../records/ObjectivesPanel';
import { activePeople, nameIn } from '../lib/people';

interface SetObjectivesProps {
  doc: Y.Doc;
  context: BoardWriteContext | null;
  set: SetView;
  selfId: string;
  /** Only the set's shared objectives: for a screen others can see (the room display). */
  sharedOnly?: boolean;
}

/**
 * The set's objectives; a member's own; every other member's (theirs to change, yours to read,
 * which is said once above them). A facilitator holds the process and has no individual
 * objectives of their own here. One component for the set board and the meeting room.
 */
export function SetObjectives({
  doc,
  context,
  set,
  selfId,
  sharedOnly = false,
}: SetObjectivesProps) {
  const nameOf = (personId: string) => nameIn(set, personId);
  const members = activePeople(set).filter((member) => member.role === 'member');
  const isMember = members.some((member) => member.person.id === selfId);
  const others = members.filter((member) => member.person.id !== selfId);
  const shared = { doc, context, meetings: set.meetings, nameOf, headingLevel: 3 } as const;
  const othersAccess = others[0]
    ? fieldAccess(context, personalRoot('personalObjectives', others[0].person.id))
    : null;
  return (
    <section aria-labelledby="objectives-heading">
      <h2 className="nhsuk-heading-m" id="objectives-heading">
        Objectives
      </h2>
      <p className="nhsuk-body">
        Measurable objectives, reviewed at every meeting. Earlier reviews stay as their history.
      </p>
      <ObjectivesPanel
        {...shared}
        rootName="setObjectives"
        idPrefix="set-objectives"
        heading="The set’s objectives"
        emptyText="The set has no objectives yet."
      />
      {!sharedOnly && isMember && (
        <ObjectivesPanel
          {...shared}
          rootName={personalRoot('personalObjectives', selfId)}
          idPrefix="my-objectives"
          heading="Your objectives"
          emptyText="You have no individual objectives yet."
        />
      )}
      {!sharedOnly && others.length > 0 && (
        <section aria-labelledby="others-objectives-heading" data-testid="others-objectives">
          <h3 className="nhsuk-heading-s" id="others-objectives-heading">
            {isMember ? 'Other members’ objectives' : 'Members’ objectives'}
          </h3>
          {othersAccess && !othersAccess.editable && <LockedNote reason={othersAccess.reason} />}
          {others.map((member) => (
            <ObjectivesPanel
              {...shared}
              key={member.person.id}
              headingLevel={4}
              showLockedNote={false}
              rootName={personalRoot('personalObjectives', member.person.id)}
              idPrefix={`objectives-${member.person.id}`}
              heading={`${nameOf(member.person.id)}’s objectives`}
              emptyText={`${nameOf(member.person.id)} has no individual objectives yet.`}
            />
          ))}
        </section>
      )}
    </section>
  );
}
