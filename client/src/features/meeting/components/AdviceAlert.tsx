import type { QuestionEntry } from '../../../boards/surfaces/slot/lib/questions';

/**
 * For whoever facilitates: the questions the advice check flagged as possible advice, quietly
 * (a polite status, no colour alarm). The facilitator decides whether to say anything.
 */
export function AdviceAlert({
  questions,
  nameOf,
}: {
  questions: readonly QuestionEntry[];
  nameOf: (personId: string) => string;
}) {
  const flagged = questions.filter(
    (entry) => entry.record.adviceFlags.length > 0 && !entry.record.withdrawn,
  );
  return (
    <div role="status" aria-live="polite" data-testid="advice-alert">
      {flagged.length > 0 && (
        <div className="nhsuk-inset-text app-advice-alert">
          <span className="nhsuk-u-visually-hidden">For the facilitator: </span>
          <p className="nhsuk-body-s">
            {flagged.length === 1
              ? `A question from ${nameOf(flagged[0]!.record.authorId)} may be advice.`
              : `${flagged.length} questions may be advice (latest from ${nameOf(flagged.at(-1)!.record.authorId)}).`}
          </p>
        </div>
      )}
    </div>
  );
}
