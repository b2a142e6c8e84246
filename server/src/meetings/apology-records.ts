/**
 * How apologies are stored: one record per planned meeting in collection `apologies`
 * (apologies.ts keeps them; the meeting service reads them when a meeting opens).
 */

export const APOLOGIES_COLLECTION = 'apologies';

/** One person's apologies for one meeting; the message is for the facilitator alone. */
export interface ApologyEntry {
  message: string;
  sentAt: number;
}

export interface ApologiesRecord {
  entries: Record<string, ApologyEntry>;
}
