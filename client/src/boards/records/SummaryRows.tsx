import type { ReactNode } from 'react';

export interface SummaryRow {
  key: string;
  value: ReactNode;
}

interface SummaryRowsProps {
  rows: readonly SummaryRow[];
  testId?: string;
  /** Leave out rows with nothing in them (a new record's later fields), instead of "Not given". */
  hideEmpty?: boolean;
}

/** A record's fields as an NHS.UK summary list; empty text reads "Not given" unless hidden. */
export function SummaryRows({ rows, testId, hideEmpty = false }: SummaryRowsProps) {
  const shown = hideEmpty ? rows.filter(({ value }) => value !== '') : rows;
  return (
    <dl className="nhsuk-summary-list" data-testid={testId}>
      {shown.map(({ key, value }) => (
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
