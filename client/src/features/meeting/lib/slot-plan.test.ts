import { describe, expect, it } from 'vitest';
import { RoomDriver } from '../../../live-meeting/test-support/room-driver';
import { bidOf, minutesText, moveSlotCommand, movedOrder, slotPlan } from './slot-plan';

function biddingWithThreeBids(): RoomDriver {
  return new RoomDriver()
    .bidding()
    .do('ann', { type: 'bid:place', synopsis: 'Winter rota', minutes: 30 })
    .do('bob', { type: 'bid:place', synopsis: 'Staff survey', minutes: 20 })
    .do('cat', { type: 'bid:place', synopsis: 'New HR system', minutes: 25 });
}

describe('the plan of slots', () => {
  it('moves one planned slot a place up or down, and nowhere past the ends', () => {
    expect(movedOrder(['a', 'b', 'c'], 'c', 'up')).toEqual(['a', 'c', 'b']);
    expect(movedOrder(['a', 'b', 'c'], 'a', 'down')).toEqual(['b', 'a', 'c']);
    expect(movedOrder(['a', 'b', 'c'], 'a', 'up')).toBeNull();
    expect(movedOrder(['a', 'b', 'c'], 'c', 'down')).toBeNull();
    expect(movedOrder(['a', 'b', 'c'], 'x', 'up')).toBeNull();
  });

  it('sends every planned slot once, in the new order, and the reducer accepts it', () => {
    const driver = biddingWithThreeBids();
    const [ann, bob, cat] = slotPlan(driver.state).planned.map((slot) => slot.id);
    const command = moveSlotCommand(driver.state, cat!, 'up');
    expect(command).toEqual({ type: 'slots:reorder', slotIds: [ann, cat, bob] });
    driver.do('fran', command!);
    expect(slotPlan(driver.state).planned.map((slot) => slot.presenterId)).toEqual([
      'ann',
      'cat',
      'bob',
    ]);
    expect(moveSlotCommand(driver.state, ann!, 'up')).toBeNull();
  });

  it('groups deferred slots apart and finds a member’s own bid', () => {
    const driver = biddingWithThreeBids();
    const bob = bidOf(driver.state, 'bob')!;
    expect(bob).toMatchObject({ synopsis: 'Staff survey', minutes: 20 });
    driver.do('fran', { type: 'slot:defer', slotId: bob.id });
    const plan = slotPlan(driver.state);
    expect(plan.deferred.map((slot) => slot.presenterId)).toEqual(['bob']);
    expect(plan.planned.map((slot) => slot.presenterId)).toEqual(['ann', 'cat']);
    expect(bidOf(driver.state, 'bob')).toBeNull();
  });

  it('words lengths', () => {
    expect(minutesText(1)).toBe('1 minute');
    expect(minutesText(30)).toBe('30 minutes');
  });
});
