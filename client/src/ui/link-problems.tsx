import { Link } from 'react-router';
import type { ApiErrorCode } from '../api/api-error';
import { RateLimitedPage } from './problem-pages';
import { PageHeading } from './route-focus';

/** Which kind of link the person opened, so the advice names the right next step. */
export type LinkContext = 'setup' | 'invitation' | 'sign-in';

export const LINK_PROBLEM_CODES = [
  'link_expired',
  'link_used',
  'link_revoked',
  'link_unknown',
  'rate_limited',
] as const;
export type LinkProblemCode = (typeof LINK_PROBLEM_CODES)[number];

export function isLinkProblem(code: ApiErrorCode): code is LinkProblemCode {
  return (LINK_PROBLEM_CODES as readonly string[]).includes(code);
}

const ASK_FOR_NEW: Record<LinkContext, string> = {
  setup:
    'Look in the Setboard server’s log: until someone has used it, every instance prints the same set-up link each time it starts. If that link no longer works, whoever runs the server can make a new one with “npm run admin -- setup-link --new”.',
  invitation: 'Ask the person who invited you to send a new invitation link.',
  'sign-in':
    'Where Setboard sends mail, ask for a link by e-mail on the sign-in page; otherwise ask your set’s facilitator for a new sign-in link. Organisers can ask another organiser, or whoever runs the server.',
};

interface Explanation {
  heading: string;
  paragraphs: string[];
}

function explain(
  code: Exclude<LinkProblemCode, 'rate_limited'>,
  context: LinkContext,
): Explanation {
  if (context === 'setup' && (code === 'link_used' || code === 'link_revoked')) {
    return {
      heading: 'Setboard is already set up',
      paragraphs: [
        'The set-up link works once, and someone has already used it to become the first organiser.',
        'To join, ask an organiser to send you an invitation link.',
      ],
    };
  }
  switch (code) {
    case 'link_expired':
      return {
        heading: 'This link has expired',
        paragraphs: [
          'Links stop working after a while, to keep sets private.',
          ASK_FOR_NEW[context],
        ],
      };
    case 'link_used':
      return {
        heading: 'This link has already been used',
        paragraphs: [
          'Each link works once. If you used it yourself on another device, ask for a sign-in link to use on this one.',
          ASK_FOR_NEW[context],
        ],
      };
    case 'link_revoked':
      return {
        heading: 'This link has been withdrawn',
        paragraphs: [
          'The person who sent it has withdrawn it, so it no longer works.',
          ASK_FOR_NEW[context],
        ],
      };
    case 'link_unknown':
      return {
        heading: 'We do not recognise this link',
        paragraphs: [
          'Check you copied the whole link. Links are long: if one was split over two lines, copy both parts.',
          ASK_FOR_NEW[context],
        ],
      };
  }
}

/** A clear page for each reason a link cannot be used. */
export function LinkProblemPage({
  code,
  context,
}: {
  code: LinkProblemCode;
  context: LinkContext;
}) {
  if (code === 'rate_limited') return <RateLimitedPage />;
  const { heading, paragraphs } = explain(code, context);
  return (
    <div data-testid="link-problem" data-code={code}>
      <PageHeading>{heading}</PageHeading>
      {paragraphs.map((paragraph) => (
        <p className="nhsuk-body" key={paragraph}>
          {paragraph}
        </p>
      ))}
      <p className="nhsuk-body">
        <Link to="/">Go to the Setboard home page</Link>
      </p>
    </div>
  );
}
