import {
  type MeetingPlan,
  type ObjectiveRecord,
  ObjectiveStatus,
  formatLongDate,
} from '@setboard/shared';
import { RadiosField, TextAreaField } from '../../ui/fields';
import { type ReviewDraft, REVIEW_FIELDS, newReviewDraft, withReview } from './objective-form';
import { SelectField } from './SelectField';
import { OBJECTIVE_STATUS_LABELS } from './status-labels';
import { RecordFormButtons, useRecordForm } from './use-record-form';

interface ReviewFormProps {
  idPrefix: string;
  objective: ObjectiveRecord;
  meetings: readonly MeetingPlan[];
  defaultMeetingNumber: number;
  reviewerId: string;
  lockedReason: string | null;
  onSave: (fields: Pick<ObjectiveRecord, 'reviews' | 'status'>) => void;
  onCancel: () => void;
}

const RATINGS = ['1', '2', '3', '4', '5'].map((value) => ({ value, label: value }));

const STATUS_CHOICES = ObjectiveStatus.options.map((status) => ({
  value: status,
  label: OBJECTIVE_STATUS_LABELS[status].label,
}));

/** A review of an objective at one meeting: a rating from 1 to 5, a status and a note. */
export function ReviewForm(props: ReviewFormProps) {
  const { objective, meetings, lockedReason } = props;
  const { draft, setDraft, change, path, errorOf, submit, summary } = useRecordForm<
    ReviewDraft,
    Pick<ObjectiveRecord, 'reviews' | 'status'>
  >({
    idPrefix: props.idPrefix,
    initial: () => newReviewDraft(objective, props.defaultMeetingNumber),
    build: (next) => withReview(objective, next, props.reviewerId, meetings.length, Date.now()),
    onSave: props.onSave,
    fields: REVIEW_FIELDS,
  });
  const chooseMeeting = (meetingNumber: string): void =>
    setDraft(newReviewDraft(objective, Number(meetingNumber)));

  const meetingChoices = meetings.map((meeting, index) => ({
    value: String(index + 1),
    label: `Meeting ${index + 1}, ${formatLongDate(meeting.date)}`,
  }));
  return (
    <form noValidate onSubmit={submit} className="app-record-form" data-testid="review-form">
      {summary}
      <SelectField
        path={path('meetingNumber')}
        label="Meeting"
        hint="A later review at the same meeting replaces the earlier one."
        value={draft.meetingNumber}
        choices={meetingChoices}
        onChange={chooseMeeting}
        error={errorOf('meetingNumber')}
      />
      <RadiosField
        path={path('rating')}
        label="Progress, from 1 (none yet) to 5 (fully achieved)"
        choices={RATINGS}
        inline
        value={draft.rating}
        onChange={(rating: string) => change({ rating })}
        error={errorOf('rating')}
      />
      <SelectField
        path={path('status')}
        label="Status"
        value={draft.status}
        choices={STATUS_CHOICES}
        onChange={(status) => change({ status })}
        error={errorOf('status')}
      />
      <TextAreaField
        path={path('note')}
        label="Note"
        hint="What has changed since the last review."
        rows={3}
        value={draft.note}
        onChange={(note) => change({ note })}
        error={errorOf('note')}
      />
      <RecordFormButtons
        saveLabel="Save review"
        lockedReason={lockedReason}
        onCancel={props.onCancel}
      />
    </form>
  );
}
