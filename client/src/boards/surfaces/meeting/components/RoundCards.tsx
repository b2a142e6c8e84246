import {
  type BoardWriteContext,
  type MeetingState,
  type SetView,
  personalRoot,
} from '@setboard/shared';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { CollaborativeEditor } from '../../../editor/CollaborativeEditor';
import { SectionLockNotice } from '../../../editor/SectionLockNotice';
import { fieldAccess, fieldWriters } from '../../../realtime/board-context';
import { ReportBackActionList } from '../../../records/ReportBackActionList';
import type { ReportBackData } from '../../../records/use-report-back-actions';
import { Tag } from '../../../../ui/Tag';
import { type RoundCardRoot, cardHolders, onTurnNow } from '../lib/round-cards';
import { setNameOf } from '../../../../ui/set-names';

interface RoundCardsProps {
  doc: Y.Doc;
  awareness: Awareness | null;
  context: BoardWriteContext | null;
  set: SetView;
  meeting: MeetingState | null;
  root: RoundCardRoot;
  selfId: string;
  /** For report-backs: each presenter's actions from the meeting before. */
  reportBacks?: ReportBackData;
}

const WORDS: Record<RoundCardRoot, { heading: string; intro: string; card: string; hint: string }> =
  {
    expectations: {
      heading: 'Expectations',
      intro:
        'In the expectations round each member in turn says, uninterrupted, what they hope for from the set and any concerns. Each card is written by its owner: during their turn while the meeting runs, and at any time between meetings.',
      card: 'expectations',
      hint: 'What you hope to get from the set, and any concerns.',
    },
    reportBack: {
      heading: 'Report-backs',
      intro:
        'At the check-in each member in turn reports back on last meeting’s actions and their objectives. Each card is written by its owner: during their turn while the meeting runs, and at any time between meetings.',
      card: 'report-back',
      hint: 'What you did about your actions, what happened, and what you learned.',
    },
  };

/** Each member's card for the round, theirs alone to write (rules W6 and W7). */
export function RoundCards({
  doc,
  awareness,
  context,
  set,
  meeting,
  root,
  selfId,
  reportBacks,
}: RoundCardsProps) {
  const words = WORDS[root];
  const speaking = onTurnNow(meeting, root);
  const holders = cardHolders(set.members, meeting);
  const nameOf = setNameOf(set);
  const accesses = holders.map((member) =>
    fieldAccess(context, personalRoot(root, member.person.id)),
  );
  return (
    <section aria-labelledby="round-cards-heading" data-testid="round-cards">
      <h2 className="nhsuk-heading-m" id="round-cards-heading">
        {words.heading}
      </h2>
      <p className="nhsuk-body">{words.intro}</p>
      <SectionLockNotice id="round-cards-locked" accesses={accesses} />
      {holders.length === 0 && <p className="nhsuk-body">The set has no members yet.</p>}
      {holders.map((member) => {
        const personId = member.person.id;
        const rootName = personalRoot(root, personId);
        const access = fieldAccess(context, rootName);
        const mine = personId === selfId;
        return (
          <div className="nhsuk-card app-round-card" key={personId} data-testid="round-card">
            <div className="nhsuk-card__content">
              {speaking === personId && (
                <p className="nhsuk-body-s">
                  <Tag label={mine ? 'Your turn now' : 'Speaking now'} colour="blue" />
                </p>
              )}
              {reportBacks && reportBacks.fromMeetingIndex !== null && (
                <ReportBackActionList
                  actions={reportBacks.of(personId)}
                  whose={mine ? 'Your actions' : `${nameOf(personId)}’s actions`}
                  fromMeetingNumber={reportBacks.fromMeetingIndex + 1}
                  headingId={`report-back-actions-${personId}`}
                />
              )}
              <CollaborativeEditor
                id={`${root}-${personId}`}
                fragment={doc.getXmlFragment(rootName)}
                awareness={awareness}
                label={mine ? `Your ${words.card}` : `${nameOf(personId)}’s ${words.card}`}
                {...(mine ? { hint: words.hint } : {})}
                editable={access.editable}
                {...(access.editable ? {} : { lockedReason: access.reason })}
                lockedNoticeId="round-cards-locked"
                writers={fieldWriters(context, set, rootName)}
              />
            </div>
          </div>
        );
      })}
    </section>
  );
}
