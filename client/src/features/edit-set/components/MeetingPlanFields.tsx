import { IsoDate, type MeetingProgress, formatLongDate, isWorkingDay } from '@setboard/shared';
import { type DateParts, isoFromParts } from '../../../ui/date-parts';
import { DateInputField } from '../../../ui/DateInputField';
import { ErrorMessage, TextField } from '../../../ui/fields';
import type { FieldErrors } from '../../../ui/form-errors';
import { formatMeetingWhen } from '../../../ui/format';
import { type EditSetDraft, MAX_MEETINGS, type MeetingDraft } from '../lib/edit-set-form';

interface MeetingPlanFieldsProps {
  draft: EditSetDraft;
  progress: readonly MeetingProgress[];
  errors: FieldErrors;
  onChange: (meetings: MeetingDraft[]) => void;
  onAdd: () => void;
}

/** "Thursday 21 September 2027" once the parts make a real date, and a word if not a working day. */
function dateHint(parts: DateParts): string | undefined {
  const iso = isoFromParts(parts);
  if (!IsoDate.safeParse(iso).success) return undefined;
  const day = formatLongDate(iso);
  return isWorkingDay(iso) ? day : `${day}: not a working day`;
}

/** Every meeting with its own date, times, place and video link. */
export function MeetingPlanFields({
  draft,
  progress,
  errors,
  onChange,
  onAdd,
}: MeetingPlanFieldsProps) {
  const change = (index: number, meeting: MeetingDraft) =>
    onChange(draft.meetings.map((old, at) => (at === index ? meeting : old)));
  const lastIndex = draft.meetings.length - 1;
  return (
    <section aria-labelledby="plan-heading">
      <h2 className="nhsuk-heading-m" id="plan-heading">
        Meetings
      </h2>
      <p className="nhsuk-body">
        Each meeting can have its own times and place. Changing a date updates everyone’s calendars
        and reminders. Once a meeting’s room has been opened, its date and times stay as they are.
      </p>
      <ErrorMessage id="meetings" message={errors.meetings} />
      {draft.meetings.map((meeting, index) => {
        const path = `meetings.${index}`;
        const set = (key: keyof Omit<MeetingDraft, 'date'>) => (value: string) =>
          change(index, { ...meeting, [key]: value });
        const opened = (progress[index] ?? 'planned') !== 'planned';
        return (
          <fieldset
            className="nhsuk-fieldset app-meeting-fields"
            key={path}
            data-testid="meeting-fields"
          >
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
              <h3 className="nhsuk-fieldset__heading">Meeting {index + 1}</h3>
            </legend>
            {opened ? (
              <p className="nhsuk-body" data-testid="fixed-date">
                {formatMeetingWhen({
                  date: isoFromParts(meeting.date),
                  startTime: meeting.startTime,
                  endTime: meeting.endTime,
                })}
                <span className="app-secondary-line">
                  Its room has been opened, so the date and times are fixed.
                </span>
              </p>
            ) : (
              <>
                <DateInputField
                  path={`${path}.date`}
                  legend="Date"
                  hint={dateHint(meeting.date) ?? 'For example, 21 9 2027'}
                  value={meeting.date}
                  onChange={(date) => change(index, { ...meeting, date })}
                  error={errors[`${path}.date`]}
                />
                <div className="app-time-pair">
                  <TextField
                    path={`${path}.startTime`}
                    label="Starts at"
                    hint="24-hour clock"
                    width={5}
                    value={meeting.startTime}
                    onChange={set('startTime')}
                    error={errors[`${path}.startTime`]}
                  />
                  <TextField
                    path={`${path}.endTime`}
                    label="Ends at"
                    hint="24-hour clock"
                    width={5}
                    value={meeting.endTime}
                    onChange={set('endTime')}
                    error={errors[`${path}.endTime`]}
                  />
                </div>
              </>
            )}
            <TextField
              path={`${path}.place`}
              label="Place (optional)"
              value={meeting.place}
              onChange={set('place')}
              error={errors[`${path}.place`]}
            />
            <TextField
              path={`${path}.videoLink`}
              label="Video call link (optional)"
              hint="A link starting https://"
              type="url"
              spellCheck={false}
              value={meeting.videoLink}
              onChange={set('videoLink')}
              error={errors[`${path}.videoLink`]}
            />
            {index === lastIndex && index > 0 && !opened && (
              <button
                type="button"
                className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                onClick={() => onChange(draft.meetings.slice(0, -1))}
              >
                Remove meeting {index + 1}
              </button>
            )}
          </fieldset>
        );
      })}
      {draft.meetings.length < MAX_MEETINGS && (
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onAdd}>
          Add a meeting
        </button>
      )}
    </section>
  );
}
