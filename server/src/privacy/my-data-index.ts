/** The readable index in "Download my data": what the JSON holds, in plain words. */
import { escapeHtml, ukDate } from './html.js';
import type { MyDataExport } from './my-data-export.js';

function section(title: string, body: string): string {
  return `<section><h2>${escapeHtml(title)}</h2>${body}</section>`;
}

function list(items: string[], empty: string): string {
  if (items.length === 0) return `<p>${escapeHtml(empty)}</p>`;
  return `<ul>${items.map((item) => `<li>${item}</li>`).join('')}</ul>`;
}

function pre(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  return `<pre>${escapeHtml(text)}</pre>`;
}

export function renderMyDataIndex(data: MyDataExport): string {
  const profile = data.profile as { name?: string } | null;
  const parts = [
    section('Your profile', pre(data.profile)),
    section(
      'Your sets',
      list(
        data.memberships.map(
          (m) =>
            `${escapeHtml(m.setName)}: ${escapeHtml(m.role)}, ${m.status === 'active' ? 'current' : 'left'} (joined ${ukDate(m.joinedAt)})`,
        ),
        'You are not in any set.',
      ),
    ),
    section(
      'What you wrote in your sets’ boards',
      data.boards.length === 0
        ? '<p>Nothing.</p>'
        : data.boards
            .map(
              (board) =>
                `<h3>${escapeHtml(board.doc)}</h3>${pre({ ...board.ownSections, ...board.sharedText, ...board.records })}`,
            )
            .join(''),
    ),
    section('Your learning log', pre(data.learningLog)),
    section('Your actions and objectives', pre(data.actionsAndObjectives)),
    section(
      'Apologies you sent',
      list(
        data.apologies.map((a) => `${ukDate(a.sentAt)}: ${escapeHtml(a.message)}`),
        'None.',
      ),
    ),
    section(
      'Where you were signed in',
      list(
        data.sessions.map(
          (s) => `Signed in ${ukDate(s.createdAt)}, last used ${ukDate(s.lastSeenAt)}`,
        ),
        'Nowhere now.',
      ),
    ),
    section(
      'Links sent to you',
      list(
        data.links.map(
          (l) =>
            `${escapeHtml(l.kind)} to ${escapeHtml(l.email)}, ${ukDate(l.createdAt)} (${escapeHtml(l.status)})`,
        ),
        'None kept.',
      ),
    ),
    section(
      'Security events about you',
      list(
        data.auditEvents.map((e) => `${ukDate(e.at)}: ${escapeHtml(e.action)}`),
        'None.',
      ),
    ),
    section('Your notifications', pre(data.notifications)),
  ];
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Your data from Setboard</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:Arial,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.5}pre{white-space:pre-wrap;background:#f0f4f5;padding:.5rem}</style>
</head><body><h1>Your data from Setboard</h1>
<p>Everything Setboard stored about ${escapeHtml(profile?.name ?? 'you')} on ${ukDate(data.exportedAt)}. The same data, for other programs, is in <code>my-data.json</code>.</p>
${parts.join('\n')}
</body></html>`;
}
