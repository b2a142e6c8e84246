import type { ReactNode } from 'react';

interface ResponsiveTableProps {
  caption: string;
  /** Visually hidden caption (when a heading above already names the table). */
  hideCaption?: boolean;
  headings: readonly string[];
  children: ReactNode;
  testId?: string;
}

/**
 * NHS.UK responsive table: a table on wide screens; on narrow ones each row becomes a block
 * whose cells repeat their column's heading, so nothing scrolls sideways at 320px.
 */
export function ResponsiveTable(props: ResponsiveTableProps) {
  return (
    <table className="nhsuk-table nhsuk-table--responsive" role="table" data-testid={props.testId}>
      <caption
        className={
          props.hideCaption
            ? 'nhsuk-u-visually-hidden'
            : 'nhsuk-table__caption nhsuk-table__caption--s'
        }
      >
        {props.caption}
      </caption>
      <thead className="nhsuk-table__head" role="rowgroup">
        <tr className="nhsuk-table__row" role="row">
          {props.headings.map((heading) => (
            <th className="nhsuk-table__header" scope="col" role="columnheader" key={heading}>
              {heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">{props.children}</tbody>
    </table>
  );
}

export function Row({ children }: { children: ReactNode }) {
  return (
    <tr className="nhsuk-table__row" role="row">
      {children}
    </tr>
  );
}

/** A cell that names its column on narrow screens. */
export function Cell({ heading, children }: { heading: string; children: ReactNode }) {
  return (
    <td className="nhsuk-table__cell" role="cell">
      <span className="nhsuk-table__heading" aria-hidden="true">
        {heading}{' '}
      </span>
      <span className="app-table-value">{children}</span>
    </td>
  );
}

/** The row's first cell, which names what the row is about. */
export function RowHeader({ heading, children }: { heading: string; children: ReactNode }) {
  return (
    <th className="nhsuk-table__header" scope="row" role="rowheader">
      <span className="nhsuk-table__heading" aria-hidden="true">
        {heading}{' '}
      </span>
      <span className="app-table-value">{children}</span>
    </th>
  );
}
