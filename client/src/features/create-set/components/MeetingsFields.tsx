import { formatLongDate, IsoDate } from '@setboard/shared';
import { type DateParts, isoFromParts } from '../../../ui/date-parts';
import { DateInputField } from '../../../ui/DateInputField';
import { ErrorMessage, TextField } from '../../../ui/fields';
import type { FieldErrors } from '../../../ui/form-errors';
import type { CreateSetDraft, FirstMeetingDraft } from '../lib/create-set-form';

interface MeetingsFieldsProps {
  draft: CreateSetDraft;
  onFirstChange: (first: FirstMeetingDraft) => void;
  onLaterDateChange: (index: number, date: DateParts) => void;
  errors: FieldErrors;
}

/** "21 September 2017" once the parts make a real date. */
function longDateOf(parts: DateParts): string | undefined {
  const iso = isoFromParts(parts);
  return IsoDate.safeParse(iso).success ? formatLongDate(iso) : undefined;
}

/** The first meeting in full, then the planned dates of the rest, each one editable. */
export function MeetingsFields(props: MeetingsFieldsProps) {
  const { draft, onFirstChange, onLaterDateChange, errors } = props;
  const first = draft.first;
  const set = (key: Exclude<keyof FirstMeetingDraft, 'date'>) => (value: string) =>
    onFirstChange({ ...first, [key]: value });
  const firstDate = longDateOf(first.date);
  return (
    <>
      <fieldset className="nhsuk-fieldset">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
          <h2 className="nhsuk-fieldset__heading">First meeting</h2>
        </legend>
        <DateInputField
          path="meetings.0.date"
          legend="Date"
          hint="For example, 21 9 2027"
          value={first.date}
          onChange={(date) => onFirstChange({ ...first, date })}
          error={errors['meetings.0.date']}
        />
        <div className="app-time-pair">
          <TextField
            path="meetings.0.startTime"
            label="Starts at"
            hint="24-hour clock, like 09:30"
            width={5}
            value={first.startTime}
            onChange={set('startTime')}
            error={errors['meetings.0.startTime']}
          />
          <TextField
            path="meetings.0.endTime"
            label="Ends at"
            hint="24-hour clock, like 13:00"
            width={5}
            value={first.endTime}
            onChange={set('endTime')}
            error={errors['meetings.0.endTime']}
          />
        </div>
        <TextField
          path="meetings.0.place"
          label="Place (optional)"
          hint="For example, a room and building."
          value={first.place}
          onChange={set('place')}
          error={errors['meetings.0.place']}
        />
        <TextField
          path="meetings.0.videoLink"
          label="Video call link (optional)"
          hint="A link starting https://, for members who join online."
          type="url"
          spellCheck={false}
          value={first.videoLink}
          onChange={set('videoLink')}
          error={errors['meetings.0.videoLink']}
        />
      </fieldset>

      <fieldset className="nhsuk-fieldset" aria-describedby="later-meetings-hint">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
          <h2 className="nhsuk-fieldset__heading">The other meetings</h2>
        </legend>
        <div className="nhsuk-hint" id="later-meetings-hint">
          A set usually meets {draft.laterDates.length + 1} times, every 3 months, at the same times
          and place as the first meeting. These dates are planned from the first meeting’s date:
          change any that do not suit.
        </div>
        <ErrorMessage id="meetings" message={errors.meetings} />
        {!firstDate && (
          <p className="nhsuk-body" data-testid="plan-waiting">
            Enter the first meeting’s date to plan the others.
          </p>
        )}
        <div data-testid="meeting-plan">
          {draft.laterDates.map((date, index) => {
            const path = `meetings.${index + 1}.date`;
            return (
              <DateInputField
                key={path}
                path={path}
                legend={`Meeting ${index + 2}`}
                hint={longDateOf(date)}
                value={date}
                onChange={(value) => onLaterDateChange(index, value)}
                error={errors[path]}
              />
            );
          })}
        </div>
      </fieldset>
    </>
  );
}
