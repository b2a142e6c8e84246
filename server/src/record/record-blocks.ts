/**
 * A record (meeting record, CPD record, cycle report) as a list of simple blocks, built once and
 * rendered twice: as a Word document (render-docx.ts) and as a print-ready page (render-html.ts),
 * so the two always say the same thing.
 */
export type RecordBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string; label?: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; head: string[]; rows: string[][] }
  /** A horizontal bar chart (airtime): value decides the bar's length, `shown` is printed. */
  | { kind: 'bars'; rows: Array<{ label: string; value: number; shown: string }> };

export interface RecordDocument {
  title: string;
  /** One line under the title: whose, which set, when. */
  subtitle: string;
  blocks: RecordBlock[];
}

/** A labelled paragraph, or "Nothing recorded." when the text is empty. */
export function labelled(label: string, text: string): RecordBlock {
  return { kind: 'paragraph', label, text: text.trim() === '' ? 'Nothing recorded.' : text };
}
