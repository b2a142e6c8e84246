/**
 * The record's downloads (docs/api.md): a meeting's record and a person's CPD record as Word
 * documents and print-ready pages, and the organiser's content-free cycle report as Word and CSV.
 */
import type { Response } from 'express';
import { z } from 'zod';
import { EntityId } from '@setboard/shared';
import { buildCpdRecord } from '../record/cpd-record.js';
import { cycleReportCsv, cycleReportDocument, cycleReportOf } from '../record/cycle-report.js';
import { buildMeetingRecord } from '../record/meeting-record.js';
import type { RecordDocument } from '../record/record-blocks.js';
import { renderDocx } from '../record/render-docx.js';
import { PRINT_CSS, PRINT_CSS_PATH, renderHtml } from '../record/render-html.js';
import { defineRoute, type RouteDefinition } from './route.js';
import type { RouteDeps } from './route-deps.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const MeetingParams = z.object({
  setId: EntityId,
  meetingIndex: z.coerce.number().int().min(0).max(99),
});
const SetParams = z.object({ setId: EntityId });
const Download = z.unknown();

/** A safe file name: letters, digits and dashes only. */
function fileName(text: string, extension: string): string {
  const base =
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'record';
  return `${base.slice(0, 60)}.${extension}`;
}

async function sendDocx(res: Response, record: RecordDocument, name: string) {
  res
    .type(DOCX)
    .attachment(fileName(name, 'docx'))
    .send(await renderDocx(record));
  return null;
}

function sendPage(res: Response, record: RecordDocument) {
  res.type('text/html').send(renderHtml(record));
  return null;
}

export function recordRoutes({ services, record }: RouteDeps): RouteDefinition[] {
  if (!record) return [];
  const deps = { store: services.store, sets: services.sets, meetings: record.meetings };
  return [
    defineRoute({
      method: 'get',
      path: '/api/sets/:setId/meetings/:meetingIndex/record.docx',
      summary: 'A held meeting’s record as a Word document (members only)',
      policy: 'set_member',
      params: MeetingParams,
      reply: Download,
      handle: async ({ set, params, res }) => {
        const doc = await buildMeetingRecord(deps, set!, params.meetingIndex);
        return sendDocx(res, doc, `${set!.name} meeting ${params.meetingIndex + 1}`);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/sets/:setId/meetings/:meetingIndex/record.html',
      summary: 'A held meeting’s record as a print-ready page (members only)',
      policy: 'set_member',
      params: MeetingParams,
      reply: Download,
      handle: async ({ set, params, res }) =>
        sendPage(res, await buildMeetingRecord(deps, set!, params.meetingIndex)),
    }),
    defineRoute({
      method: 'get',
      path: '/api/my/cpd-record.docx',
      summary: 'Your CPD record (slots you presented, your objectives, your log) as Word',
      policy: 'signed_in',
      reply: Download,
      handle: async ({ person, res }) =>
        sendDocx(
          res,
          await buildCpdRecord({ ...deps, now: services.now }, person!.id),
          'cpd-record',
        ),
    }),
    defineRoute({
      method: 'get',
      path: '/api/my/cpd-record.html',
      summary: 'Your CPD record as a print-ready page',
      policy: 'signed_in',
      reply: Download,
      handle: async ({ person, res }) =>
        sendPage(res, await buildCpdRecord({ ...deps, now: services.now }, person!.id)),
    }),
    defineRoute({
      method: 'get',
      path: '/api/sets/:setId/cycle-report.docx',
      summary: 'The set’s cycle report, numbers only, as Word (facilitator or organiser)',
      policy: 'set_facilitator_or_organiser',
      params: SetParams,
      reply: Download,
      handle: async ({ set, res }) =>
        sendDocx(
          res,
          cycleReportDocument(await cycleReportOf(deps, set!)),
          `${set!.name} cycle report`,
        ),
    }),
    defineRoute({
      method: 'get',
      path: '/api/sets/:setId/cycle-report.csv',
      summary: 'The set’s cycle report, numbers only, as CSV (facilitator or organiser)',
      policy: 'set_facilitator_or_organiser',
      params: SetParams,
      reply: Download,
      handle: async ({ set, res }) => {
        const csv = cycleReportCsv(await cycleReportOf(deps, set!));
        res
          .type('text/csv')
          .attachment(fileName(`${set!.name} cycle report`, 'csv'))
          .send(csv);
        return null;
      },
    }),
    defineRoute({
      method: 'get',
      path: PRINT_CSS_PATH,
      summary: 'The print style sheet of the record pages (A4)',
      policy: 'public',
      reply: Download,
      handle: async ({ res }) => {
        res.type('text/css').send(PRINT_CSS);
        return null;
      },
    }),
  ];
}
