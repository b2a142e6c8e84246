import { describe, expect, it } from 'vitest';
import { allowedCommands, canIssue } from './allowed-commands.js';
import {
  actorFor,
  FRAN,
  MeetingDriver,
  MEMBERS,
  MO,
  OLGA,
  PAT,
  setUpMeeting,
} from './test-support/meeting-driver.js';

/** Each test's own meeting, just started with everyone present: no test sees another's moves. */
function startedMeeting(): MeetingDriver {
  const driver = new MeetingDriver(setUpMeeting());
  driver.openAndStart([FRAN, ...MEMBERS]);
  return driver;
}

describe('allowed commands, for enabling and disabling controls', () => {
  it('offers the facilitator the time and stage controls, and members only theirs', () => {
    const driver = startedMeeting();
    const types = (personId: string) =>
      new Set(allowedCommands(driver.state, actorFor(personId), driver.now).map((c) => c.type));
    expect(types(FRAN)).toEqual(
      new Set(['stage:advance', 'timer:pause', 'timer:extend', 'facilitation:handover']),
    );
    expect(types(MO)).toEqual(new Set(['ready:signal']));
    // The clock's tick is not a control; an organiser has none.
    expect(types(OLGA)).toEqual(new Set());
  });

  it('says why a command would be refused, without changing anything', () => {
    const driver = startedMeeting();
    const before = driver.state;
    expect(canIssue({ type: 'stage:advance' }, before, actorFor(PAT), driver.now)).toEqual({
      ok: false,
      code: 'not_facilitator',
    });
    expect(driver.state).toBe(before);
  });

  it('lists person-targeted commands once per person they may target', () => {
    const driver = startedMeeting();
    while (driver.state.phase !== 'contracting') driver.advance();
    driver.do(MO, { type: 'hand:raise' });
    const grants = allowedCommands(driver.state, actorFor(FRAN), driver.now).filter(
      (command) => command.type === 'floor:grant',
    );
    // Mo holds the floor already; the facilitator does not ask content questions.
    expect(grants.map((command) => ('personId' in command ? command.personId : null))).toEqual(
      MEMBERS.filter((personId) => personId !== MO),
    );
  });
});
