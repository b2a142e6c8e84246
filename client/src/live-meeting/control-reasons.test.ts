import { MeetingErrorCode, type MeetingCommand } from '@setboard/shared';
import { describe, expect, it } from 'vitest';
import { controlStatus, reasonFor } from './control-reasons';
import { RoomDriver, nameOf } from './test-support/room-driver';

function statusFor(driver: RoomDriver, selfId: string, command: MeetingCommand) {
  return controlStatus(command, { state: driver.state, selfId, nameOf }, driver.now);
}

describe('why a meeting control is unavailable', () => {
  it('says how many members the quorum needs and how many are here', () => {
    const driver = new RoomDriver().lobby(['ann']);
    expect(statusFor(driver, 'fran', { type: 'meeting:start' })).toEqual({
      enabled: false,
      reason: 'Start needs 3 members present (the set’s quorum); 1 is here.',
    });
    driver.do('bob', { type: 'meeting:join' });
    expect(statusFor(driver, 'fran', { type: 'meeting:start' })).toMatchObject({
      reason: 'Start needs 3 members present (the set’s quorum); 2 are here.',
    });
    driver.do('cat', { type: 'meeting:join' });
    expect(statusFor(driver, 'fran', { type: 'meeting:start' })).toEqual({ enabled: true });
  });

  it('names the stage a command needs, and whose turn it is', () => {
    const driver = new RoomDriver().lobby();
    expect(statusFor(driver, 'ann', { type: 'bid:place', synopsis: '', minutes: 20 })).toEqual({
      enabled: false,
      reason: 'Bids are placed during bidding for airtime.',
    });
    driver.do('fran', { type: 'meeting:start' }).advance(2);
    expect(statusFor(driver, 'bob', { type: 'turn:pass' })).toMatchObject({
      reason: 'It is Ann’s turn.',
    });
    expect(statusFor(driver, 'ann', { type: 'turn:pass' })).toEqual({ enabled: true });
  });

  it('explains refusals that depend on who asks', () => {
    const driver = new RoomDriver().lobby(['ann', 'bob']);
    expect(statusFor(driver, 'ann', { type: 'meeting:start' })).toMatchObject({
      reason: 'Only the facilitator can do this.',
    });
    expect(statusFor(driver, 'cat', { type: 'hand:raise' })).toMatchObject({
      reason: 'Join the meeting first.',
    });
    expect(
      statusFor(driver, 'fran', { type: 'facilitation:handover', personId: 'cat' }),
    ).toMatchObject({ reason: 'Cat has not joined the meeting.' });
    driver.do('cat', { type: 'meeting:join' }).do('fran', { type: 'meeting:start' });
    driver.do('fran', { type: 'timer:pause' });
    expect(statusFor(driver, 'fran', { type: 'stage:advance' })).toMatchObject({
      reason: 'Not during a time out: resume the meeting first.',
    });
    expect(statusFor(driver, 'ann', { type: 'hand:raise' })).toMatchObject({
      reason: 'Not during a time out: wait for the facilitator to resume.',
    });
  });

  it('lets the presenter choose an offers round until action planning, if the set allows one', () => {
    const driver = new RoomDriver({
      settings: {
        quorum: 3,
        timeAllocation: 'bid',
        advicePolicy: 'offers_round_if_presenter_opts_in',
      },
    })
      .bidding()
      .do('ann', { type: 'bid:place', synopsis: 'Rota', minutes: 20 })
      .advance(3);
    const optIn = { type: 'offers:choose', optIn: true } as const;
    expect(statusFor(driver, 'ann', optIn)).toEqual({ enabled: true });
    expect(statusFor(driver, 'bob', optIn)).toMatchObject({
      reason: 'Only the presenter can do this.',
    });
    driver.advance(3);
    expect(statusFor(driver, 'ann', optIn)).toMatchObject({
      reason: 'The presenter chooses before action planning starts.',
    });
  });

  it('has a plain sentence for every refusal code', () => {
    const driver = new RoomDriver().lobby();
    const context = { state: driver.state, selfId: 'ann', nameOf };
    for (const code of Object.values(MeetingErrorCode)) {
      const reason = reasonFor({ type: 'stage:advance' }, code, context);
      expect(reason, code).toMatch(/^[A-Z].*\.$/);
      expect(reason.length, code).toBeLessThan(120);
    }
  });
});
