import { z } from 'zod';
import { nameText } from '../../domain/names.js';
import { EntityId, requiredText } from './common.js';

/**
 * Agenda for Change bands and very senior managers, in order of seniority. The set's organiser
 * uses them to check members have broadly similar levels of responsibility.
 */
export const BANDS = [
  'band_7',
  'band_8a',
  'band_8b',
  'band_8c',
  'band_8d',
  'band_9',
  'vsm',
] as const;
export const Band = z.enum(BANDS, 'Choose a band');
export type Band = z.infer<typeof Band>;

/**
 * What a person tells the set about themselves when they accept an invitation. Only members are
 * asked for their band (`givesBand`); the server refuses a member invitation accepted without one.
 */
export const ProfileInput = z.object({
  name: nameText('your name', 100),
  organisation: nameText('your organisation', 150),
  jobTitle: requiredText('your job title', 150),
  band: Band.nullable().default(null),
  bio: z.string().trim().max(1000, 'Your short bio must be 1,000 characters or fewer').default(''),
});
export type ProfileInput = z.infer<typeof ProfileInput>;

/** A member's profile: the same, with the band they must give. */
export const MemberProfileInput = ProfileInput.extend({ band: Band });

/** A person as other people in their sets see them. */
export const PersonSummary = z.object({
  id: EntityId,
  name: z.string(),
  organisation: z.string(),
  jobTitle: z.string(),
  /** Null for someone never asked (an organiser, a facilitator). */
  band: Band.nullable(),
  bio: z.string(),
});
export type PersonSummary = z.infer<typeof PersonSummary>;
