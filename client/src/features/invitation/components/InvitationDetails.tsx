import type { InvitationPreview } from '@setboard/shared';
import { GroundRulesList, MeetingsSummary } from '../../../ui/MeetingsSummary';

/** What the person is being invited to: the set, when it meets, and its ground rules. */
export function InvitationDetails({ preview }: { preview: InvitationPreview }) {
  const set = preview.set;
  if (preview.kind === 'organiser' || !set) {
    return (
      <>
        <p className="nhsuk-body">
          {preview.invitedByName} has invited you to be an organiser. Organisers create action
          learning sets and invite their members and facilitators.
        </p>
        <p className="nhsuk-body">
          Organisers see who is in each set and when it meets, but never what is said or written in
          a set.
        </p>
      </>
    );
  }
  const role = preview.kind === 'facilitator' ? 'its facilitator' : 'a set member';
  return (
    <>
      <p className="nhsuk-body">
        {preview.invitedByName} has invited you to join this action learning set as {role}.
      </p>
      <p className="nhsuk-lede-text app-preserve-lines">{set.purpose}</p>
      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Facilitator</dt>
          <dd className="nhsuk-summary-list__value">
            {set.facilitatorName ?? 'Not yet appointed'}
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Invited by</dt>
          <dd className="nhsuk-summary-list__value">{preview.invitedByName}</dd>
        </div>
      </dl>
      <h2 className="nhsuk-heading-m">Meetings</h2>
      <p className="nhsuk-body">
        Members commit to every meeting: absence affects the whole set. If you cannot come, you send
        apologies.
      </p>
      <MeetingsSummary meetings={set.meetings} />
      <h2 className="nhsuk-heading-m">Ground rules</h2>
      <p className="nhsuk-body">
        The set starts from these, and agrees its own at its first meeting.
      </p>
      <GroundRulesList rules={set.groundRules} />
    </>
  );
}
