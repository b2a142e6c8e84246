import type { QuestionRecord } from '@setboard/shared';
import { STAGE_LABELS } from '../../../../live-meeting/meeting-labels';
import { Tag } from '../../../../ui/Tag';
import { flagLabels } from '../lib/questions';

/** What everyone sees of a question: its words (or that it was withdrawn), who asked, its marks. */
export function QuestionDetails({ record, author }: { record: QuestionRecord; author: string }) {
  const flags = flagLabels(record.adviceFlags);
  return (
    <>
      {record.withdrawn ? (
        <p className="nhsuk-body app-question__text app-question__text--withdrawn">
          {author} withdrew this question.
        </p>
      ) : (
        <p className="nhsuk-body app-question__text" data-testid="question-text">
          {record.text}
        </p>
      )}
      <p className="nhsuk-body-s app-question__meta">
        Asked by <span data-testid="question-author">{author}</span> during{' '}
        {STAGE_LABELS[record.stage].toLowerCase()}
        {record.editedAt !== null && ' (edited)'}
      </p>
      {(record.helped || flags.length > 0) && (
        <div className="app-question__marks">
          {record.helped && <Tag label="Helped the presenter" colour="green" />}
          {flags.length > 0 && (
            <>
              <Tag label="May be advice" colour="orange" />
              <ul
                className="nhsuk-list nhsuk-body-s app-question__flags"
                aria-label="Why it may be advice"
              >
                {flags.map((flag) => (
                  <li key={flag}>{flag}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </>
  );
}
