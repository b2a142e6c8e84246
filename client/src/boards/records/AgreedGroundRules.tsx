import type { DocName, SetView } from '@setboard/shared';
import { useBoardDoc } from '../realtime/use-board-doc';
import { formatMoment } from '../../ui/format';
import {
  AGREEMENTS_ROOT,
  CONTRACT_VERSIONS_ROOT,
  readAgreements,
  readVersions,
  rulesOf,
} from './contract';
import { useObserved } from './use-observed';
import type * as Y from 'yjs';

/**
 * The ground rules in force: the latest published version only, numbered, with who has agreed
 * to it and who has not yet. Before the set publishes one, a line says how it will.
 */
export function AgreedGroundRules({ set }: { set: SetView }) {
  const board = useBoardDoc(`set:${set.id}` as DocName);
  if (!board.doc) return null;
  return <Rules doc={board.doc} set={set} />;
}

function Rules({ doc, set }: { doc: Y.Doc; set: SetView }) {
  const versions = useObserved(doc.getArray<unknown>(CONTRACT_VERSIONS_ROOT), readVersions);
  const agreements = useObserved(doc.getMap<unknown>(AGREEMENTS_ROOT), readAgreements);
  const latest = versions.at(-1);
  if (!latest) {
    return (
      <p className="nhsuk-body" data-testid="no-agreed-rules">
        The set agrees its ground rules at its first meeting, starting from the suggestions on its
        board.
      </p>
    );
  }
  const people = set.members.filter((member) => member.status === 'active');
  const agreed = people.filter(
    (member) => (agreements.get(member.person.id)?.version ?? 0) >= latest.version,
  );
  const waiting = people.filter((member) => !agreed.includes(member));
  return (
    <div data-testid="agreed-rules">
      <p className="nhsuk-body">
        Version {latest.version}, published {formatMoment(latest.publishedAt)}.
      </p>
      <ol className="nhsuk-list nhsuk-list--number" data-testid="agreed-rules-list">
        {rulesOf(latest.text).map((rule, index) => (
          <li key={`${index}-${rule}`}>{rule}</li>
        ))}
      </ol>
      <p className="nhsuk-body" data-testid="agreed-by">
        {agreed.length === 0
          ? 'Nobody has agreed to this version yet.'
          : `Agreed by ${agreed.map((member) => member.person.name).join(', ')}.`}
        {waiting.length > 0 &&
          ` Not yet agreed: ${waiting.map((member) => member.person.name).join(', ')}.`}
      </p>
    </div>
  );
}
