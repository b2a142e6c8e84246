import { type DocName, RepairBoardReply } from '@setboard/shared';
import { type FormEvent, useId, useState } from 'react';
import { apiRequest } from '../../api/api-request';
import { toApiError } from '../../api/api-error';
import { ConfirmCheckbox } from '../../ui/fields';

/**
 * For whoever can rebuild a board (the set's facilitator; a learning log's owner): rebuilding
 * keeps everything on it and drops its history of changes, which is what fills a board up
 * (docs/protocol.md Y22). Open by itself once the board is full.
 */
export function RebuildBoard({ docName, full }: { docName: DocName; full: boolean }) {
  const id = useId();
  const [confirmed, setConfirmed] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [state, setState] = useState<'idle' | 'working' | 'done'>('idle');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    if (!confirmed) {
      setProblem('Tick the box to confirm you want to rebuild the board');
      return;
    }
    setState('working');
    try {
      await apiRequest('POST', `/api/boards/${encodeURIComponent(docName)}/repair`, {
        body: { confirm: true },
        schema: RepairBoardReply,
      });
      setState('done');
    } catch (error) {
      setProblem(toApiError(error).message);
      setState('idle');
    }
  };
  if (state === 'done') {
    return (
      <div className="nhsuk-inset-text" role="status">
        <p>The board has been rebuilt. Reload the page to carry on.</p>
        <button type="button" className="nhsuk-button" onClick={() => window.location.reload()}>
          Reload the page
        </button>
      </div>
    );
  }
  return (
    <details className="nhsuk-details" open={full}>
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">
          {full ? 'This board is full: rebuild it' : 'Is this board full or slow?'}
        </span>
      </summary>
      <form className="nhsuk-details__text" onSubmit={(event) => void submit(event)} noValidate>
        <p className="nhsuk-body">
          Rebuilding keeps everything on the board now and drops its history of changes, which makes
          room again. Everyone who has the board open is asked to reload it.
        </p>
        <ConfirmCheckbox
          id={`${id}-confirm`}
          label="I understand everyone’s page will reload"
          checked={confirmed}
          onChange={setConfirmed}
          error={problem}
        />
        <button
          type="submit"
          className="nhsuk-button nhsuk-button--secondary"
          disabled={state === 'working'}
        >
          Rebuild this board
        </button>
      </form>
    </details>
  );
}
