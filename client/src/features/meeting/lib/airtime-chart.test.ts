import { describe, expect, it } from 'vitest';
import { airtimeChart, durationText, percentText } from './airtime-chart';
import { RoomDriver, nameOf } from '../../../live-meeting/test-support/room-driver';

/** Started, with each member's expectations turn lasting `minutes[i]`, then the process review. */
function reviewAfterTurns(minutes: [number, number, number]): RoomDriver {
  const driver = new RoomDriver().lobby().do('fran', { type: 'meeting:start' }).advance(2);
  for (const turn of minutes) driver.wait(turn).advance();
  // Objectives → bidding (nobody bids) → the process review.
  return driver.advance(2);
}

describe('the airtime chart', () => {
  it('shows every participant with their time, share and a bar scaled to the most', () => {
    const driver = reviewAfterTurns([6, 2, 2]);
    expect(driver.state.phase).toBe('process_review');
    const chart = airtimeChart(driver.state, driver.now, nameOf);
    expect(chart.rows.map((row) => [row.name, row.figures, row.barPercent])).toEqual([
      ['Fran', '0 seconds, 0% of the time', 0],
      ['Ann', '6 minutes, 60% of the time', 100],
      ['Bob', '2 minutes, 20% of the time', 33.3],
      ['Cat', '2 minutes, 20% of the time', 33.3],
    ]);
    expect(chart.roughlyEqual).toBe(false);
    expect(chart.caption).toBe(
      'Time was not shared equally: an equal share would be 33% each of the 10 minutes in which someone held a turn or the floor; Ann had 60% and Bob 20%.',
    );
  });

  it('calls a near-even spread roughly equal, leaving out the facilitator', () => {
    const chart = airtimeChart(reviewAfterTurns([5, 4, 5]).state, 0, nameOf);
    expect(chart.roughlyEqual).toBe(true);
    expect(chart.caption).toMatch(/^Time was shared roughly equally/);
  });

  it('counts time not yet credited, up to now', () => {
    const driver = new RoomDriver().lobby().do('fran', { type: 'meeting:start' }).advance(2);
    const chart = airtimeChart(driver.state, driver.now + 90_000, nameOf);
    expect(chart.rows.find((row) => row.personId === 'ann')?.figures).toBe(
      '1 minute 30 seconds, 100% of the time',
    );
  });

  it('has nothing to compare before anyone speaks', () => {
    const driver = new RoomDriver().lobby().do('fran', { type: 'meeting:start' });
    const chart = airtimeChart(driver.state, driver.now + 60_000, nameOf);
    expect(chart.roughlyEqual).toBeNull();
    expect(chart.caption).toBe('Nobody has held a turn or the floor yet.');
    expect(chart.unattributedMs).toBe(60_000);
  });

  it('words durations and shares', () => {
    expect(durationText(125_999)).toBe('2 minutes 5 seconds');
    expect(percentText(1 / 3)).toBe('33%');
  });
});
