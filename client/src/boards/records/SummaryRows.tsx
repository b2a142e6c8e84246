import type { ReactNode } from 'react';

export interface SummaryRow {
  key: string;
  value: ReactNode;
}

/** A record's fields as an NHS.UK summary list; empty text reads "Not given". */
export function SummaryRows({ rows, testId }: { rows: readonly SummaryRow[]; testId?: string }) {
  return (
    <dl className="nhsuk-summary-list" data-testid={testId}>
      {rows.map(({ key, value }) => (
        <div className="nhsuk-summary-list__row" key={key}>
          <dt className="nhsuk-summary-list__key">{key}</dt>
          <dd className="nhsuk-summary-list__value app-preserve-lines">
            {value === '' ? <span className="app-secondary-line">Not given</span> : value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
