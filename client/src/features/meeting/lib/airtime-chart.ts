/**
 * The process review's airtime chart: for each participant, the time they held a turn or the
 * floor (the shared `airtimeTotals`), their share of all the time anyone held it, and whether
 * the members who take part shared it roughly equally (docs/domain.md, "A meeting": equal time for each).
 */
import { type MeetingState, airtimeTotals, hasJoined, takesPart } from '@setboard/shared';
import { describeDuration } from '../../../live-meeting/countdown';

/** Someone's share counts as roughly equal within this fraction of an equal share, either way. */
export const EQUAL_SHARE_TOLERANCE = 0.25;

export interface AirtimeRow {
  personId: string;
  name: string;
  ms: number;
  /** Share of the time anyone held a turn or the floor, 0–1 (0 when nobody has). */
  share: number;
  /** Bar length, 0–100: the person who spoke most fills the bar. */
  barPercent: number;
  /** Takes turns, bids and presents (the facilitator usually does not). */
  takesPart: boolean;
  /** "4 minutes 5 seconds, 32% of the time" */
  figures: string;
}

export interface AirtimeChart {
  rows: AirtimeRow[];
  /** Time anyone held a turn or the floor. */
  heldMs: number;
  /** Live time nobody held (silent stages, bidding, breaks). */
  unattributedMs: number;
  /** Whether the members who take part shared time roughly equally; null when there is no time yet. */
  roughlyEqual: boolean | null;
  caption: string;
}

/** "32%", rounded to a whole per cent. */
export function percentText(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** "4 minutes 5 seconds", from milliseconds (whole seconds, rounded down). */
export function durationText(ms: number): string {
  return describeDuration(Math.floor(ms / 1000));
}

/** Everyone who came, plus anyone who spoke, in roster order. */
function peopleOf(state: MeetingState, byPersonMs: Record<string, number>): string[] {
  return state.roster
    .map((entry) => entry.personId)
    .filter((id) => hasJoined(state, id) || (byPersonMs[id] ?? 0) > 0);
}

function captionFor(rows: AirtimeRow[], heldMs: number, roughlyEqual: boolean | null): string {
  if (roughlyEqual === null) return 'Nobody has held a turn or the floor yet.';
  const members = rows.filter((row) => row.takesPart);
  const equalShare = percentText(1 / members.length);
  if (roughlyEqual) {
    return `Time was shared roughly equally: each member had close to an equal share (${equalShare}) of the ${durationText(heldMs)} in which someone held a turn or the floor.`;
  }
  const most = members.reduce((best, row) => (row.ms > best.ms ? row : best));
  const least = members.reduce((best, row) => (row.ms < best.ms ? row : best));
  return `Time was not shared equally: an equal share would be ${equalShare} each of the ${durationText(heldMs)} in which someone held a turn or the floor; ${most.name} had ${percentText(most.share)} and ${least.name} ${percentText(least.share)}.`;
}

/** Whether every member's time is within the tolerance of an equal share; null without time. */
function sharedRoughlyEqually(rows: AirtimeRow[]): boolean | null {
  const members = rows.filter((row) => row.takesPart);
  const total = members.reduce((sum, row) => sum + row.ms, 0);
  if (members.length === 0 || total === 0) return null;
  const equalMs = total / members.length;
  return members.every((row) => Math.abs(row.ms - equalMs) <= EQUAL_SHARE_TOLERANCE * equalMs);
}

/** The chart for the meeting at server time `now`. */
export function airtimeChart(
  state: MeetingState,
  now: number,
  nameOf: (personId: string) => string,
): AirtimeChart {
  const totals = airtimeTotals(state, now);
  const people = peopleOf(state, totals.byPersonMs);
  const heldMs = people.reduce((sum, id) => sum + (totals.byPersonMs[id] ?? 0), 0);
  const mostMs = Math.max(0, ...people.map((id) => totals.byPersonMs[id] ?? 0));
  const rows = people.map((personId): AirtimeRow => {
    const ms = totals.byPersonMs[personId] ?? 0;
    const share = heldMs > 0 ? ms / heldMs : 0;
    return {
      personId,
      name: nameOf(personId),
      ms,
      share,
      barPercent: mostMs > 0 ? Math.round((ms / mostMs) * 1000) / 10 : 0,
      takesPart: takesPart(state, personId),
      figures: `${durationText(ms)}, ${percentText(share)} of the time`,
    };
  });
  const roughlyEqual = sharedRoughlyEqually(rows);
  return {
    rows,
    heldMs,
    unattributedMs: totals.unattributedMs,
    roughlyEqual,
    caption: captionFor(rows, heldMs, roughlyEqual),
  };
}
