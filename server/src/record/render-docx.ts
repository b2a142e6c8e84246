/** A record as a Word document (.docx), with the well-kept `docx` library. */
import {
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { RecordBlock, RecordDocument } from './record-blocks.js';

const HEADINGS = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
} as const;

/** Lines of a multi-line text as runs with breaks, so paragraphs of prose stay apart. */
function runs(text: string, bold = false): TextRun[] {
  return text
    .split('\n')
    .map((line, index) => new TextRun({ text: line, bold, break: index > 0 ? 1 : 0 }));
}

function cell(text: string, bold = false): TableCell {
  return new TableCell({ children: [new Paragraph({ children: runs(text, bold) })] });
}

function render(block: RecordBlock): Array<Paragraph | Table> {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[block.level], children: runs(block.text) })];
    case 'paragraph':
      return [
        new Paragraph({
          children: [
            ...(block.label ? [new TextRun({ text: `${block.label}: `, bold: true })] : []),
            ...runs(block.text),
          ],
        }),
      ];
    case 'list':
      return block.items.map(
        (item) => new Paragraph({ bullet: { level: 0 }, children: runs(item) }),
      );
    case 'table':
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({
              tableHeader: true,
              children: block.head.map((text) => cell(text, true)),
            }),
            ...block.rows.map((row) => new TableRow({ children: row.map((text) => cell(text)) })),
          ],
        }),
      ];
    case 'bars': {
      const most = Math.max(1, ...block.rows.map((row) => row.value));
      return block.rows.map(
        (row) =>
          new Paragraph({
            children: [
              new TextRun({ text: `${row.label}  `, bold: true }),
              new TextRun({ text: '█'.repeat(Math.max(1, Math.round((row.value / most) * 30))) }),
              new TextRun({ text: `  ${row.shown}` }),
            ],
          }),
      );
    }
  }
}

export async function renderDocx(record: RecordDocument): Promise<Buffer> {
  const document = new Document({
    creator: 'Setboard',
    title: record.title,
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: runs(record.title) }),
          new Paragraph({ children: runs(record.subtitle) }),
          ...record.blocks.flatMap(render),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
