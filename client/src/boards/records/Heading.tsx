import type { ReactNode } from 'react';

export type HeadingLevel = 2 | 3 | 4 | 5;

const SIZES: Record<HeadingLevel, string> = {
  2: 'nhsuk-heading-m',
  3: 'nhsuk-heading-s',
  4: 'nhsuk-heading-xs',
  5: 'nhsuk-heading-xs',
};

/** A heading at the level the page's outline needs, sized to match. */
export function Heading(props: {
  level: HeadingLevel;
  id?: string;
  className?: string;
  children: ReactNode;
}) {
  const Tag = `h${props.level}` as const;
  const className = [SIZES[props.level], props.className].filter(Boolean).join(' ');
  return (
    <Tag className={className} id={props.id}>
      {props.children}
    </Tag>
  );
}

/** The level below `level` (records under a section's heading). */
export function below(level: HeadingLevel): HeadingLevel {
  return level === 5 ? 5 : ((level + 1) as HeadingLevel);
}
