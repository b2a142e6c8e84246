import { Done } from '@setboard/shared';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { apiRequest } from '../../api/api-request';
import { toApiError } from '../../api/api-error';
import { useSession } from '../../session/session-context';
import { BackLink } from '../../ui/BackLink';
import { ConfirmCheckbox } from '../../ui/fields';
import { SignInNeededPage } from '../../ui/problem-pages';
import { PageHeading } from '../../ui/route-focus';

/**
 * `/my-data`: your record and your data (docs/privacy.md) — your CPD record to download or
 * print, everything Setboard holds about you as a zip, and erasing your account.
 */
export function MyDataPage() {
  const person = useSession().view.person;
  if (!person) return <SignInNeededPage />;
  return <MyData />;
}

function MyData() {
  return (
    <>
      <BackLink to="/">Back to My sets</BackLink>
      <PageHeading title="Your record and your data">Your record and your data</PageHeading>

      <h2 className="nhsuk-heading-m">Your CPD record</h2>
      <p className="nhsuk-body">
        The slots you presented, your actions and what happened, your objectives with every review,
        and your learning log. Nothing anyone else wrote privately.
      </p>
      <ul className="nhsuk-list">
        <li>
          <a href="/api/my/cpd-record.docx" download data-testid="cpd-docx">
            Download your CPD record (Word document)
          </a>
        </li>
        <li>
          <a href="/api/my/cpd-record.html" target="_blank" rel="noreferrer">
            Open your CPD record to print or save as PDF (opens in a new tab)
          </a>
        </li>
      </ul>

      <h2 className="nhsuk-heading-m">Download your data</h2>
      <p className="nhsuk-body">
        A zip file with everything Setboard stores about you: your profile, your sets, when you
        signed in, what you wrote on every board, your learning log, actions and objectives. It has
        a page you can read and a file for other programs.
      </p>
      <a
        className="nhsuk-button nhsuk-button--secondary"
        href="/api/my/data"
        download
        data-testid="my-data-zip"
      >
        Download your data
      </a>

      <EraseAccount />
    </>
  );
}

function EraseAccount() {
  const { forget } = useSession();
  const navigate = useNavigate();
  const [confirmed, setConfirmed] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [erasing, setErasing] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    if (!confirmed) {
      setProblem('Tick the box to confirm you want your account erased');
      return;
    }
    setErasing(true);
    try {
      await apiRequest('POST', '/api/my/erase', { body: { confirm: true }, schema: Done });
      await forget();
      void navigate('/');
    } catch (error) {
      setProblem(toApiError(error).message);
      setErasing(false);
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <h2 className="nhsuk-heading-m">Erase your account</h2>
      <p className="nhsuk-body">
        This deletes your profile, your learning log, your objectives, reflections and cards, and
        signs you out on every device. What you wrote in shared parts of your sets is deleted too,
        or kept without your name where your set agreed that. It cannot be undone: download your
        data first if you want a copy.
      </p>
      <ConfirmCheckbox
        id="erase-confirm"
        label="I understand my account and what I wrote will be erased for good"
        checked={confirmed}
        onChange={setConfirmed}
        error={problem}
      />
      <button type="submit" className="nhsuk-button nhsuk-button--warning" disabled={erasing}>
        Erase my account
      </button>
    </form>
  );
}
