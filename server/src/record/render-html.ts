/**
 * A record as a print-ready page: plain HTML with the print style sheet (A4, `print.css`), so
 * the browser's "Save as PDF" gives a clean document. No script; styles from our own origin
 * (the Content Security Policy allows nothing inline).
 */
import { escapeHtml } from '../privacy/html.js';
import type { RecordBlock, RecordDocument } from './record-blocks.js';

export const PRINT_CSS_PATH = '/api/record/print.css';

function multiline(text: string): string {
  return escapeHtml(text).replace(/\n/g, '<br>');
}

function render(block: RecordBlock): string {
  switch (block.kind) {
    case 'heading':
      return `<h${block.level + 1}>${escapeHtml(block.text)}</h${block.level + 1}>`;
    case 'paragraph':
      return `<p>${block.label ? `<strong>${escapeHtml(block.label)}:</strong> ` : ''}${multiline(block.text)}</p>`;
    case 'list':
      return `<ul>${block.items.map((item) => `<li>${multiline(item)}</li>`).join('')}</ul>`;
    case 'table':
      return `<table><thead><tr>${block.head.map((text) => `<th scope="col">${escapeHtml(text)}</th>`).join('')}</tr></thead><tbody>${block.rows
        .map((row) => `<tr>${row.map((text) => `<td>${multiline(text)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;
    case 'bars': {
      const most = Math.max(1, ...block.rows.map((row) => row.value));
      // Bar widths are steps of 5% as classes: inline styles are not allowed by the CSP.
      return `<dl class="bars">${block.rows
        .map(
          (row) =>
            `<dt>${escapeHtml(row.label)}</dt><dd><span class="bar w${Math.max(1, Math.round((row.value / most) * 20)) * 5}"></span> ${escapeHtml(row.shown)}</dd>`,
        )
        .join('')}</dl>`;
    }
  }
}

export function renderHtml(record: RecordDocument): string {
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>${escapeHtml(record.title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${PRINT_CSS_PATH}">
</head><body><main>
<h1>${escapeHtml(record.title)}</h1>
<p class="subtitle">${escapeHtml(record.subtitle)}</p>
<p class="no-print">To keep a copy, print this page or choose “Save as PDF” in your browser’s print window.</p>
${record.blocks.map(render).join('\n')}
</main></body></html>`;
}

/** The print style sheet: readable on screen, clean on A4. */
export const PRINT_CSS = `
body { font-family: Arial, Helvetica, sans-serif; color: #212b32; line-height: 1.5; margin: 0; }
main { max-width: 48rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 2rem; margin: 0 0 .25rem; }
h2 { font-size: 1.5rem; margin-top: 2rem; border-bottom: 1px solid #d8dde0; }
h3 { font-size: 1.2rem; margin-top: 1.5rem; }
h4 { font-size: 1rem; }
.subtitle { color: #4c6272; margin-top: 0; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { border: 1px solid #d8dde0; padding: .25rem .5rem; text-align: left; vertical-align: top; }
.bars { display: grid; grid-template-columns: max-content 1fr; gap: .25rem .75rem; }
.bars dt { font-weight: bold; }
.bars dd { margin: 0; }
.bar { display: inline-block; height: .8rem; background: #005eb8; vertical-align: middle; }
${Array.from({ length: 20 }, (_, i) => `.w${(i + 1) * 5} { width: ${(i + 1) * 4}%; }`).join('\n')}
@page { size: A4; margin: 18mm 16mm; }
@media print {
  .no-print { display: none; }
  main { max-width: none; padding: 0; }
  h2, h3 { break-after: avoid; }
  table, dl, p { break-inside: avoid; }
  .bar { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;
