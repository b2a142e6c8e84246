/**
 * A set's privacy settings (collection `set-privacy`, id = set id): what happens to a former
 * member's words in shared sections, and how long content is kept after the set closes.
 * Missing means the defaults.
 */
import {
  FormerMemberWords,
  RETENTION_MONTHS,
  SetPrivacy,
  UpdateSetPrivacyRequest,
} from '@setboard/shared';
import type { Store } from '../store/store.js';
import { updateRecord } from '../access/records.js';

export { FormerMemberWords, RETENTION_MONTHS, SetPrivacy, UpdateSetPrivacyRequest };

export const SET_PRIVACY_COLLECTION = 'set-privacy';

export const DEFAULT_SET_PRIVACY: SetPrivacy = {
  formerMemberWords: 'remove',
  retentionMonths: RETENTION_MONTHS.default,
  closedAt: null,
  warnedAt: null,
  purgedAt: null,
};

export async function readSetPrivacy(store: Store, setId: string): Promise<SetPrivacy> {
  const stored = await store.get<SetPrivacy>(SET_PRIVACY_COLLECTION, setId);
  return { ...DEFAULT_SET_PRIVACY, ...stored?.value };
}

/** Changes a set's privacy settings with compare-and-set, creating the record if needed. */
export async function changeSetPrivacy(
  store: Store,
  setId: string,
  change: (current: SetPrivacy) => SetPrivacy,
): Promise<SetPrivacy> {
  const created = await store.put(SET_PRIVACY_COLLECTION, setId, change(DEFAULT_SET_PRIVACY), 0);
  if (created.ok) return change(DEFAULT_SET_PRIVACY);
  return updateRecord<SetPrivacy>(store, SET_PRIVACY_COLLECTION, setId, (current) =>
    change({ ...DEFAULT_SET_PRIVACY, ...current }),
  );
}
