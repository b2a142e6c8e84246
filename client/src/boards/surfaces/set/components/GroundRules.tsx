import { type BoardWriteContext, type ContractVersion, type SetView } from '@setboard/shared';
import { useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { CollaborativeEditor } from '../../../editor/CollaborativeEditor';
import { SectionLockNotice } from '../../../editor/SectionLockNotice';
import { fieldAccess, fieldWriters } from '../../../realtime/board-context';
import { useObserved } from '../../../records/use-observed';
import { rulesOf } from '../../../records/contract';
import { formatMoment } from '../../../../ui/format';
import {
  AGREEMENTS_ROOT,
  CONTRACT_VERSIONS_ROOT,
  GROUND_RULES_ROOT,
  agreeToVersion,
  nextVersionNumber,
  plainTextOf,
  publishVersion,
  readAgreements,
  readVersions,
} from '../lib/ground-rules';
import { nameIn } from '../lib/people';
import { Agreements } from './Agreements';

interface GroundRulesProps {
  doc: Y.Doc;
  awareness: Awareness | null;
  context: BoardWriteContext | null;
  set: SetView;
  selfId: string;
}

/**
 * The set's contract (docs/domain.md, "Ground rules"): the facilitator's draft, the versions
 * published from it, and who has agreed to which.
 */
export function GroundRules({ doc, awareness, context, set, selfId }: GroundRulesProps) {
  const versions = useObserved(doc.getArray<unknown>(CONTRACT_VERSIONS_ROOT), readVersions);
  const agreements = useObserved(doc.getMap<unknown>(AGREEMENTS_ROOT), readAgreements);
  const draftAccess = fieldAccess(context, GROUND_RULES_ROOT);
  const latest = versions.at(-1) ?? null;
  const earlier = versions.slice(0, -1).reverse();

  return (
    <section aria-labelledby="ground-rules-heading" data-testid="ground-rules-board">
      <h2 className="nhsuk-heading-m" id="ground-rules-heading">
        Ground rules
      </h2>
      <p className="nhsuk-body">
        The set’s contract. The facilitator drafts it with the set while agreeing the ground rules
        or at a process review, then publishes it as a version for everyone to agree.
      </p>
      {latest ? (
        <CurrentVersion version={latest} set={set} />
      ) : (
        <p className="nhsuk-body" data-testid="no-versions">
          No version has been published yet.
        </p>
      )}
      {latest && (
        <Agreements
          set={set}
          latest={latest}
          agreements={agreements}
          selfId={selfId}
          access={fieldAccess(context, AGREEMENTS_ROOT, selfId)}
          onAgree={() => agreeToVersion(doc, selfId, latest.version, Date.now())}
        />
      )}
      <h3 className="nhsuk-heading-s">Draft</h3>
      <SectionLockNotice id="ground-rules-draft-locked" accesses={[draftAccess]} />
      <CollaborativeEditor
        id="ground-rules-draft"
        fragment={doc.getXmlFragment(GROUND_RULES_ROOT)}
        awareness={awareness}
        label="Draft ground rules"
        hint="For example: what is said here stays here; questions, not advice; we start on time."
        editable={draftAccess.editable}
        {...(draftAccess.editable ? {} : { lockedReason: draftAccess.reason })}
        lockedNoticeId="ground-rules-draft-locked"
        writers={fieldWriters(context, set, GROUND_RULES_ROOT)}
      />
      <PublishDraft doc={doc} context={context} set={set} versions={versions} />
      {earlier.length > 0 && (
        <details className="nhsuk-details">
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">Earlier versions</span>
          </summary>
          <div className="nhsuk-details__text" data-testid="earlier-versions">
            {earlier.map((version) => (
              <VersionText key={version.version} version={version} set={set} />
            ))}
          </div>
        </details>
      )}
    </section>
  );
}

function VersionText({ version, set }: { version: ContractVersion; set: SetView }) {
  return (
    <>
      <h4 className="nhsuk-heading-xs">Version {version.version}</h4>
      <p className="nhsuk-body-s app-secondary-line">
        Published {formatMoment(version.publishedAt)} by {nameIn(set, version.publishedBy)}
      </p>
      <p className="nhsuk-body app-preserve-lines">{version.text}</p>
    </>
  );
}

function CurrentVersion({ version, set }: { version: ContractVersion; set: SetView }) {
  return (
    <div className="nhsuk-card" data-testid="current-version">
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-card__heading nhsuk-heading-s">
          Our ground rules, version {version.version}
        </h3>
        <p className="nhsuk-body-s app-secondary-line">
          Published {formatMoment(version.publishedAt)} by {nameIn(set, version.publishedBy)}
        </p>
        <ol className="nhsuk-list nhsuk-list--number">
          {rulesOf(version.text).map((rule, index) => (
            <li key={`${index}-${rule}`}>{rule}</li>
          ))}
        </ol>
      </div>
    </div>
  );
}

interface PublishDraftProps {
  doc: Y.Doc;
  context: BoardWriteContext | null;
  set: SetView;
  versions: readonly ContractVersion[];
}

/**
 * "Publish as version N", for whoever facilitates when the write rules allow it; the set's
 * facilitator is told when they can, everyone else sees nothing.
 */
function PublishDraft({ doc, context, set, versions }: PublishDraftProps) {
  const [problem, setProblem] = useState<string | null>(null);
  const [published, setPublished] = useState('');
  const access = fieldAccess(context, CONTRACT_VERSIONS_ROOT);
  const next = nextVersionNumber(versions);

  if (!access.editable) {
    if (set.viewerRole !== 'facilitator') return null;
    return (
      <p className="nhsuk-body" data-testid="publish-locked">
        {access.reason} You can publish the draft as version {next} then.
      </p>
    );
  }
  const publish = (): void => {
    const text = plainTextOf(doc.getXmlFragment(GROUND_RULES_ROOT));
    if (text === '') return setProblem('Write the ground rules in the draft before publishing.');
    if (text === versions.at(-1)?.text) {
      return setProblem(`The draft is the same as version ${next - 1}. Change it first.`);
    }
    setProblem(null);
    publishVersion(doc, text, next, context?.personId ?? '', Date.now());
    setPublished(`Version ${next} published. Each member can now agree to it.`);
  };
  return (
    <div className={problem ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}>
      {problem && (
        <p className="nhsuk-error-message" role="alert">
          <span className="nhsuk-u-visually-hidden">Error: </span>
          {problem}
        </p>
      )}
      <button type="button" className="nhsuk-button" onClick={publish}>
        Publish as version {next}
      </button>
      <p className="nhsuk-u-visually-hidden" role="status">
        {published}
      </p>
    </div>
  );
}
