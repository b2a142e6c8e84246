/**
 * The set's `queue` setting in the question stages: `floor` (one question and a follow-up from
 * the floor holder, then the floor passes on) and `open` (anyone present who may hold the floor
 * asks; hands are a courtesy queue; no limit; the floor stays where it is).
 */
import { describe, expect, it } from 'vitest';
import type { SetSettings } from '../../protocol/api/sets.js';
import {
  ANN,
  BEN,
  FRAN,
  MO,
  MeetingDriver,
  PAT,
  setUpMeeting,
} from './test-support/meeting-driver.js';

/** Pat presents; exploring, with Mo holding the floor and Ann's hand up. */
function exploring(queue: SetSettings['queue']): MeetingDriver {
  const driver = new MeetingDriver(setUpMeeting({ settings: { timeAllocation: 'bid', queue } }));
  driver.openAndStart();
  while (driver.state.phase !== 'bidding') driver.advance();
  driver.do(PAT, { type: 'bid:place', synopsis: 'Merging two rotas', minutes: 40 });
  while (driver.state.slots[0]?.stage !== 'exploring') driver.advance();
  driver.do(MO, { type: 'hand:raise' });
  driver.do(ANN, { type: 'hand:raise' });
  return driver;
}

describe('[M11] the set’s queue setting', () => {
  it('is `floor` unless the set chooses otherwise', () => {
    expect(setUpMeeting().settings.queue).toBe('floor');
  });

  it('floor: only the floor holder asks; after a question and a follow-up the floor passes on', () => {
    const driver = exploring('floor');
    expect(driver.try(ANN, { type: 'question:asked' })).toMatchObject({ code: 'not_your_turn' });
    expect(driver.do(MO, { type: 'question:asked' })).toEqual([
      { type: 'question:counted', personId: MO, questions: 1 },
    ]);
    driver.do(MO, { type: 'question:asked' });
    expect(driver.state.queue.floor).toEqual({ personId: ANN, questions: 0 });
  });

  it('open: anyone present asks, with no limit, and the floor does not pass by itself', () => {
    const driver = exploring('open');
    for (let count = 1; count <= 3; count++) {
      expect(driver.do(MO, { type: 'question:asked' })).toEqual([
        { type: 'question:counted', personId: MO, questions: count },
      ]);
    }
    expect(driver.state.queue).toMatchObject({ floor: { personId: MO }, hands: [ANN] });
    // Ann and Ben ask without the floor; their questions are not counted against anyone.
    expect(driver.do(ANN, { type: 'question:asked' })).toEqual([
      { type: 'question:counted', personId: ANN, questions: null },
    ]);
    driver.do(BEN, { type: 'question:asked' });
    expect(driver.state.queue).toMatchObject({
      floor: { personId: MO, questions: 3 },
      hands: [ANN],
    });
  });

  it('open: hands stay an ordered courtesy queue', () => {
    const driver = exploring('open');
    driver.do(MO, { type: 'turn:pass' });
    expect(driver.state.queue).toMatchObject({ floor: { personId: ANN }, hands: [] });
  });

  it('open: the presenter and a facilitator who keeps to the process still do not ask', () => {
    const driver = exploring('open');
    expect(driver.try(PAT, { type: 'question:asked' })).toMatchObject({
      code: 'role_not_allowed',
    });
    expect(driver.try(FRAN, { type: 'question:asked' })).toMatchObject({
      code: 'role_not_allowed',
    });
  });

  it('open: questions belong to the question stages only', () => {
    const driver = exploring('open');
    while (driver.state.slots[0]?.stage !== 'reflecting_back') driver.advance();
    expect(driver.try(MO, { type: 'question:asked' })).toMatchObject({ code: 'wrong_stage' });
  });
});
