import {
  type MeetingPlan,
  type ObjectiveRecord,
  ObjectiveStatus,
  formatLongDate,
} from '@setboard/shared';
import { type FormEvent, useState } from 'react';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { ButtonGroup, RadiosField, TextAreaField } from '../../ui/fields';
import { summariseErrors } from '../../ui/form-errors';
import { useFormErrors } from '../../ui/use-form-errors';
import { prefixErrors } from './form-result';
import { REVIEW_FIELDS, newReviewDraft, withReview } from './objective-form';
import { SelectField } from './SelectField';
import { OBJECTIVE_STATUS_LABELS } from './status-labels';

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
  const { idPrefix, objective, meetings, lockedReason } = props;
  const [draft, setDraft] = useState(() => newReviewDraft(objective, props.defaultMeetingNumber));
  const form = useFormErrors();
  const path = (field: string) => `${idPrefix}.${field}`;
  const errorOf = (field: string) => form.errors[path(field)];

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const built = withReview(objective, draft, props.reviewerId, meetings.length, Date.now());
    if (!built.ok) return form.fail(prefixErrors(built.errors, idPrefix));
    form.clear();
    props.onSave(built.record);
  };
  const chooseMeeting = (meetingNumber: string): void =>
    setDraft(newReviewDraft(objective, Number(meetingNumber)));

  const meetingChoices = meetings.map((meeting, index) => ({
    value: String(index + 1),
    label: `Meeting ${index + 1}, ${formatLongDate(meeting.date)}`,
  }));
  return (
    <form noValidate onSubmit={submit} className="app-record-form" data-testid="review-form">
      <ErrorSummary
        items={summariseErrors(form.errors, REVIEW_FIELDS.map(path))}
        attempt={form.attempt}
      />
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
        onChange={(rating: string) => setDraft({ ...draft, rating })}
        error={errorOf('rating')}
      />
      <SelectField
        path={path('status')}
        label="Status"
        value={draft.status}
        choices={STATUS_CHOICES}
        onChange={(status) => setDraft({ ...draft, status })}
        error={errorOf('status')}
      />
      <TextAreaField
        path={path('note')}
        label="Note"
        hint="What has changed since the last review."
        rows={3}
        value={draft.note}
        onChange={(note) => setDraft({ ...draft, note })}
        error={errorOf('note')}
      />
      <ButtonGroup>
        <button type="submit" className="nhsuk-button" disabled={lockedReason !== null}>
          Save review
        </button>
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary"
          onClick={props.onCancel}
        >
          Cancel
        </button>
      </ButtonGroup>
    </form>
  );
}
