import { BANDS, type Band } from '../protocol/api/people.js';
import type { CompositionWarning, SizeLimits } from '../protocol/api/sets.js';

/** The part of a membership the mix check needs. */
export interface CompositionMember {
  name: string;
  organisation: string;
  /** Members always have one; others are never asked (`givesBand`). */
  band: Band | null;
  role: 'facilitator' | 'member';
}

/**
 * Whether someone joining as `role` is asked for their band. Only the mix of members' levels
 * matters (`compositionWarnings` leaves the facilitator out), so nobody else is asked.
 */
export function givesBand(role: 'organiser' | 'facilitator' | 'member'): boolean {
  return role === 'member';
}

/** Bands further apart than this suggest different levels of responsibility. */
export const MAX_BAND_STEPS_APART = 1;

/**
 * Warnings about a set's mix, for the organiser and facilitator: members from the same
 * organisation, levels more than one band apart, a size outside the limits, no facilitator.
 * The facilitator is not counted as a member.
 */
export function compositionWarnings(
  people: CompositionMember[],
  limits: SizeLimits,
): CompositionWarning[] {
  const members = people.filter((person) => person.role === 'member');
  return [
    ...sameOrganisationWarnings(members),
    ...bandSpreadWarnings(members),
    ...sizeWarnings(members.length, limits),
    ...(people.some((person) => person.role === 'facilitator')
      ? []
      : [{ kind: 'no_facilitator' as const, message: 'The set has no facilitator yet.' }]),
  ];
}

function sameOrganisationWarnings(members: CompositionMember[]): CompositionWarning[] {
  const byOrganisation = new Map<string, string[]>();
  for (const member of members) {
    const key = member.organisation.trim().toLowerCase();
    byOrganisation.set(key, [...(byOrganisation.get(key) ?? []), member.name]);
  }
  return [...byOrganisation.values()]
    .filter((names) => names.length > 1)
    .map((names) => ({
      kind: 'same_organisation' as const,
      message: `${listNames(names)} work for the same organisation.`,
    }));
}

function bandSpreadWarnings(people: CompositionMember[]): CompositionWarning[] {
  const members = people.filter(
    (member): member is CompositionMember & { band: Band } => member.band !== null,
  );
  if (members.length < 2) return [];
  const ranked = [...members].sort((a, b) => BANDS.indexOf(a.band) - BANDS.indexOf(b.band));
  const lowest = ranked[0]!;
  const highest = ranked[ranked.length - 1]!;
  const steps = BANDS.indexOf(highest.band) - BANDS.indexOf(lowest.band);
  if (steps <= MAX_BAND_STEPS_APART) return [];
  return [
    {
      kind: 'band_spread',
      message: `Levels are ${steps} bands apart (${lowest.name}: ${bandLabel(lowest.band)}; ${highest.name}: ${bandLabel(highest.band)}).`,
    },
  ];
}

function sizeWarnings(count: number, limits: SizeLimits): CompositionWarning[] {
  if (count < limits.min) {
    return [
      { kind: 'too_small', message: `${count} of at least ${limits.min} members have joined.` },
    ];
  }
  if (count > limits.max) {
    return [{ kind: 'too_large', message: `${count} members is more than ${limits.max}.` }];
  }
  return [];
}

/** "Band 8a", "VSM". */
export function bandLabel(band: Band): string {
  return band === 'vsm' ? 'Very senior manager' : `Band ${band.slice('band_'.length)}`;
}

function listNames(names: string[]): string {
  return names.length <= 2
    ? names.join(' and ')
    : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
