import { describe, expect, it } from 'vitest';
import { announcementFor } from './announcements';
import { RoomDriver, nameOf } from '../../../live-meeting/test-support/room-driver';

function heard(driver: RoomDriver, selfId: string): string | null {
  return announcementFor(driver.events, { state: driver.state, selfId, nameOf });
}

describe('what the room announces about the plan and facilitation', () => {
  it('announces a new facilitator, to them in the second person', () => {
    const driver = new RoomDriver().bidding();
    driver.do('fran', { type: 'facilitation:handover', personId: 'ann' });
    expect(heard(driver, 'ann')).toBe('You now facilitate.');
    expect(heard(driver, 'bob')).toBe('Ann now facilitates.');
  });

  it('announces a break by its length, not as a change of stage', () => {
    const driver = new RoomDriver()
      .bidding()
      .do('ann', { type: 'bid:place', synopsis: 'Rota', minutes: 20 })
      .advance(8);
    expect(driver.state.slots[0]?.stage).toBe('complete');
    driver.do('fran', { type: 'break:start', minutes: 10 });
    expect(heard(driver, 'bob')).toBe('Break: 10 minutes.');
  });

  it('reads out the new order of slots and a deferral', () => {
    const driver = new RoomDriver()
      .bidding()
      .do('ann', { type: 'bid:place', synopsis: 'Rota', minutes: 20 })
      .do('bob', { type: 'bid:place', synopsis: 'Survey', minutes: 20 });
    expect(heard(driver, 'bob')).toBe('Your bid is in.');
    expect(heard(driver, 'ann')).toBeNull();
    const [ann, bob] = driver.state.slots.map((slot) => slot.id);
    driver.do('fran', { type: 'slots:reorder', slotIds: [bob!, ann!] });
    expect(heard(driver, 'cat')).toBe('New order of slots: Bob, Ann.');
    driver.do('fran', { type: 'slot:defer', slotId: ann! });
    expect(heard(driver, 'ann')).toBe('Your slot is deferred to the next meeting.');
    expect(heard(driver, 'cat')).toBe('Ann’s slot is deferred to the next meeting.');
  });
});
