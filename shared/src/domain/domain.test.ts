import { describe, expect, it } from 'vitest';
import { AccessPolicy, docAccessRule, policyAllows } from './access.js';
import { compositionWarnings, type CompositionMember } from './composition.js';
import { formatLongDate } from './calendar/long-date.js';
import { planMeetings } from './meeting-plan.js';
import { activeMembers, activeRole, isActiveMember } from './membership.js';
import { nextUnheldMeeting } from './set-year.js';

const member = (name: string, organisation: string, band: CompositionMember['band']) => ({
  name,
  organisation,
  band,
  role: 'member' as const,
});

describe('composition warnings', () => {
  const limits = { min: 2, max: 3 };
  const facilitator = { ...member('Fran', 'HPMA', 'band_8c'), role: 'facilitator' as const };

  it('warns when two members come from the same organisation (ignoring case and spaces)', () => {
    const warnings = compositionWarnings(
      [
        facilitator,
        member('Ada', 'Barts Health', 'band_8a'),
        member('Ben', ' barts health', 'band_8a'),
      ],
      limits,
    );
    expect(warnings).toEqual([
      { kind: 'same_organisation', message: 'Ada and Ben work for the same organisation.' },
    ]);
  });

  it('warns when levels are more than one band apart, not when they are one apart', () => {
    const oneApart = [facilitator, member('Ada', 'A', 'band_8a'), member('Ben', 'B', 'band_8b')];
    expect(compositionWarnings(oneApart, limits)).toEqual([]);
    const twoApart = [facilitator, member('Ada', 'A', 'band_8a'), member('Ben', 'B', 'band_8c')];
    expect(compositionWarnings(twoApart, limits).map((warning) => warning.kind)).toEqual([
      'band_spread',
    ]);
  });

  it('warns about size outside the limits (the facilitator does not count) and no facilitator', () => {
    expect(compositionWarnings([facilitator, member('Ada', 'A', 'band_8a')], limits)[0]?.kind).toBe(
      'too_small',
    );
    const four = ['A', 'B', 'C', 'D'].map((name) => member(name, name, 'band_8a'));
    expect(compositionWarnings([facilitator, ...four], limits)[0]?.kind).toBe('too_large');
    expect(compositionWarnings(four.slice(0, 2), limits).map((warning) => warning.kind)).toEqual([
      'no_facilitator',
    ]);
  });
});

describe('meeting plan', () => {
  it('plans four meetings three months apart, as HPMA does', () => {
    const first = {
      date: '2017-09-21',
      startTime: '09:30',
      endTime: '13:00',
      place: 'HPMA',
      videoLink: '',
    };
    expect(planMeetings(first).map((meeting) => meeting.date)).toEqual([
      '2017-09-21',
      '2017-12-21',
      '2018-03-22',
      '2018-06-21',
    ]);
    const plan = planMeetings(first);
    const progress = ['held', 'held', 'planned', 'planned'] as const;
    expect(nextUnheldMeeting(plan, progress, '2018-01-01')).toBe(2);
    expect(nextUnheldMeeting(plan, progress, '2019-01-01')).toBeNull();
    expect(formatLongDate('2017-09-21')).toBe('Thursday 21 September 2017');
    expect(formatLongDate('2028-02-29')).toBe('Tuesday 29 February 2028');
    expect(formatLongDate('2027-01-04')).toBe('Monday 4 January 2027');
    expect(() => formatLongDate('not a date')).toThrow(RangeError);
  });
});

describe('access policies', () => {
  const organiser = { personId: 'o', isOrganiser: true };
  const person = { personId: 'p', isOrganiser: false };

  it('never lets an organiser outside the set into set content', () => {
    expect(policyAllows(AccessPolicy.setMember, organiser, null)).toBe(false);
    expect(policyAllows(AccessPolicy.setMemberOrOrganiser, organiser, null)).toBe(true);
  });

  it('treats a removed member as outside the set', () => {
    const removed = { role: 'member' as const, status: 'removed' as const };
    expect(policyAllows(AccessPolicy.setMember, person, removed)).toBe(false);
    expect(policyAllows(AccessPolicy.signedIn, person, removed)).toBe(true);
  });

  it('maps document names to who may open them', () => {
    expect(docAccessRule('set:abc')).toEqual({ kind: 'set', setId: 'abc' });
    expect(docAccessRule('log:p1')).toEqual({ kind: 'owner', personId: 'p1' });
    expect(docAccessRule('slot:1')).toEqual({ kind: 'unknown' });
    expect(docAccessRule('bogus')).toEqual({ kind: 'unknown' });
  });
});

describe('membership', () => {
  const fran = { name: 'Fran', role: 'facilitator' as const, status: 'active' as const };
  const pat = { name: 'Pat', role: 'member' as const, status: 'active' as const };
  const mo = { name: 'Mo', role: 'member' as const, status: 'removed' as const };

  it('someone removed keeps their listing but has no role in the set', () => {
    expect([fran, pat, mo, null, undefined].map(activeRole)).toEqual([
      'facilitator',
      'member',
      null,
      null,
      null,
    ]);
    expect([fran, mo].map(isActiveMember)).toEqual([true, false]);
  });

  it('the active members keep the order they were given', () => {
    expect(activeMembers([mo, pat, fran]).map((entry) => entry.name)).toEqual(['Pat', 'Fran']);
  });
});
