import type { ContractAgreement, ContractVersion, SetView } from '@setboard/shared';
import type { FieldAccess } from '../../../realtime/board-context';
import { formatMoment } from '../../../../ui/format';
import { ROLE_LABELS } from '../../../../ui/labels';
import { Tag } from '../../../../ui/Tag';
import { activePeople } from '../lib/people';

interface AgreementsProps {
  set: SetView;
  latest: ContractVersion;
  agreements: ReadonlyMap<string, ContractAgreement>;
  selfId: string;
  access: FieldAccess;
  onAgree: () => void;
}

/** Each person agrees to the latest version for themselves; everyone sees who has. */
export function Agreements({ set, latest, agreements, selfId, access, onAgree }: AgreementsProps) {
  const mine = agreements.get(selfId);
  const agreedToLatest = mine !== undefined && mine.version >= latest.version;
  return (
    <>
      {agreedToLatest ? (
        <p className="nhsuk-body" data-testid="my-agreement">
          You agreed to version {mine.version} on {formatMoment(mine.agreedAt)}.
        </p>
      ) : access.editable ? (
        <button type="button" className="nhsuk-button" onClick={onAgree}>
          I agree to version {latest.version}
        </button>
      ) : (
        <p className="nhsuk-body">{access.reason}</p>
      )}
      <div className="app-table-scroll">
        <table className="nhsuk-table" data-testid="agreements">
          <caption className="nhsuk-table__caption nhsuk-table__caption--s">
            Who has agreed to version {latest.version}
          </caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">
                Name
              </th>
              <th scope="col" className="nhsuk-table__header">
                Agreed
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {activePeople(set).map((member) => {
              const agreement = agreements.get(member.person.id);
              return (
                <tr className="nhsuk-table__row" key={member.person.id}>
                  <th scope="row" className="nhsuk-table__header">
                    {member.person.name}
                    {member.person.id === selfId && ' (you)'}
                    <span className="app-secondary-line">{ROLE_LABELS[member.role]}</span>
                  </th>
                  <td className="nhsuk-table__cell">
                    <AgreementTag agreement={agreement} latest={latest.version} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

function AgreementTag({
  agreement,
  latest,
}: {
  agreement: ContractAgreement | undefined;
  latest: number;
}) {
  if (!agreement) return <Tag label="Not yet" colour="grey" />;
  if (agreement.version >= latest) return <Tag label="Agreed" colour="green" />;
  return <Tag label={`Agreed to version ${agreement.version}`} colour="yellow" />;
}
