import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import type { CaretAwareness } from './caret-awareness';
import { type CaretInField, caretsIn } from './carets-in';

function sameCarets(a: readonly CaretInField[], b: readonly CaretInField[]): boolean {
  return (
    a.length === b.length &&
    a.every((caret, index) => {
      const other = b[index];
      return other?.clientId === caret.clientId && other.colour === caret.colour;
    })
  );
}

/** Who else has a caret in this field, each with the colour of their caret. */
export function CaretPeople({
  carets,
  fragment,
}: {
  carets: CaretAwareness;
  fragment: Y.XmlFragment;
}) {
  const [people, setPeople] = useState<readonly CaretInField[]>(() =>
    caretsIn(carets.getStates(), fragment),
  );
  useEffect(() => {
    const refresh = (): void => {
      const next = caretsIn(carets.getStates(), fragment);
      setPeople((current) => (sameCarets(current, next) ? current : next));
    };
    refresh();
    carets.on('change', refresh);
    return () => carets.off('change', refresh);
  }, [carets, fragment]);

  if (people.length === 0) return null;
  return (
    <p className="nhsuk-body-s app-caret-people" data-testid="caret-people">
      Also writing here:{' '}
      {people.map((person, index) => (
        <span key={person.clientId} className="app-caret-people__person">
          <Swatch colour={person.colour} />
          {person.name}
          {index < people.length - 1 ? ', ' : ''}
        </span>
      ))}
    </p>
  );
}

function Swatch({ colour }: { colour: string }) {
  // React sets `style` through the CSSOM, which the Content Security Policy allows.
  return (
    <span className="app-caret-people__swatch" style={{ backgroundColor: colour }} aria-hidden />
  );
}
