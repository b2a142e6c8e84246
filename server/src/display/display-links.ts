/**
 * Room display links (docs/api.md, "Room display"). The facilitator makes one per meeting; it
 * pairs one screen, once, and works until the end of the meeting's day (London time) or until
 * revoked. Everything lives in the store, so any instance pairs and serves the screen. Only
 * hashes of the link's token and of the screen's key are kept.
 */
import {
  londonTimeToEpoch,
  meetingIdOf,
  type DisplaySurface,
  type DisplayView,
} from '@setboard/shared';
import * as Y from 'yjs';
import { refuse } from '../access/errors.js';
import { readMeeting, readPerson, readSet, type SetRecord } from '../access/records.js';
import { hashToken, newSecretToken } from '../access/tokens.js';
import { readStoredDoc } from '../boards/stored-board.js';
import type { Store } from '../store/store.js';

const LINKS = 'display-links';
/** Link token hash → `{ meetingId }`. */
const PAIRINGS = 'display-pairings';

interface DisplayLinkRecord {
  setId: string;
  meetingId: string;
  pairHash: string;
  /** The paired screen's key (hashed); null until paired. */
  keyHash: string | null;
  expiresAt: number;
  revoked: boolean;
}

/** The last moment of the meeting's day in London. */
function endOfMeetingDay(set: SetRecord, meetingIndex: number): number {
  const plan = set.meetings[meetingIndex]!;
  return londonTimeToEpoch(plan.date, '23:59') + 59_999;
}

/** A board's prose root as plain text, one line per block. */
function proseOf(doc: Y.Doc, root: string): string {
  return doc
    .getXmlFragment(root)
    .toArray()
    .map((block) => block.toString().replace(/<[^>]*>/g, ''))
    .join('\n')
    .trim();
}

export class DisplayLinks {
  constructor(private readonly deps: { store: Store; now: () => number }) {}

  /** A new link for the set's meeting; any earlier link for it stops working. */
  async create(
    set: SetRecord,
    meetingIndex: number,
  ): Promise<{ token: string; expiresAt: number }> {
    if (!set.meetings[meetingIndex]) throw refuse.notFound('That meeting');
    const expiresAt = endOfMeetingDay(set, meetingIndex);
    if (expiresAt <= this.deps.now()) throw refuse.forbidden('That meeting’s day is over.');
    const meetingId = meetingIdOf(set.id, meetingIndex);
    const token = newSecretToken();
    const pairHash = hashToken(token);
    const record: DisplayLinkRecord = {
      setId: set.id,
      meetingId,
      pairHash,
      keyHash: null,
      expiresAt,
      revoked: false,
    };
    await this.write(meetingId, () => record);
    await this.deps.store.put(PAIRINGS, pairHash, { meetingId }, 0);
    return { token, expiresAt };
  }

  /** Stops the meeting's link and its paired screen at once. */
  async revoke(set: SetRecord, meetingIndex: number): Promise<void> {
    const meetingId = meetingIdOf(set.id, meetingIndex);
    await this.write(meetingId, (current) => (current ? { ...current, revoked: true } : null));
  }

  /** Pairs a screen with the link's token, once; returns the screen's cookie value. */
  async pair(token: string): Promise<string> {
    const pairing = await this.deps.store.get<{ meetingId: string }>(PAIRINGS, hashToken(token));
    if (!pairing) throw refuse.linkUnknown();
    const { meetingId } = pairing.value;
    const key = newSecretToken();
    await this.write(meetingId, (current) => {
      if (!current || current.pairHash !== hashToken(token)) throw refuse.linkRevoked();
      if (current.revoked) throw refuse.linkRevoked();
      if (current.expiresAt <= this.deps.now()) throw refuse.linkExpired();
      if (current.keyHash !== null) throw refuse.linkUsed();
      return { ...current, keyHash: hashToken(key) };
    });
    return `${meetingId}.${key}`;
  }

  /** What a paired screen shows now, or why it shows nothing. */
  async view(cookie: string | undefined): Promise<DisplayView> {
    const link = await this.linkOf(cookie);
    if (typeof link === 'string') return { paired: false, reason: link };
    const [set, meeting] = await Promise.all([
      readSet(this.deps.store, link.setId),
      readMeeting(this.deps.store, link.meetingId),
    ]);
    if (!set || !meeting) return { paired: false, reason: 'The meeting room has not opened yet.' };
    const { state } = meeting.value;
    const people = await Promise.all(
      state.roster.map(
        async ({ personId }) =>
          [personId, (await readPerson(this.deps.store, personId))?.name ?? 'Someone'] as const,
      ),
    );
    return {
      paired: true,
      setName: set.name,
      meetingNumber: state.meetingNumber,
      serverNow: this.deps.now(),
      state,
      names: Object.fromEntries(people),
      surface: await this.surfaceOf(state.phase === 'slot' ? state.currentSlotId : null),
    };
  }

  /** The link a screen's cookie belongs to, or the reason it shows nothing. */
  private async linkOf(cookie: string | undefined): Promise<DisplayLinkRecord | string> {
    const [meetingId, key] = (cookie ?? '').split('.');
    if (!meetingId || !key) return 'This screen is not paired with a meeting.';
    const record = await this.deps.store.get<DisplayLinkRecord>(LINKS, meetingId);
    const link = record?.value;
    if (!link || link.keyHash !== hashToken(key))
      return 'This screen is not paired with a meeting.';
    if (link.revoked) return 'The facilitator has stopped this display.';
    if (link.expiresAt <= this.deps.now()) return 'This display link has expired.';
    return link;
  }

  /** The presenter's issue and the questions put (never reflections, logs or objectives). */
  private async surfaceOf(slotId: string | null): Promise<DisplaySurface | null> {
    if (!slotId) return null;
    return readStoredDoc(this.deps.store, `slot:${slotId}`, (doc) => {
      const questions = [...doc.getMap<unknown>('questions').values()].flatMap((value) => {
        if (!(value instanceof Y.Map)) return [];
        const { text, authorId, withdrawn, askedAt } = value.toJSON() as Record<string, unknown>;
        if (typeof text !== 'string' || typeof authorId !== 'string' || withdrawn === true)
          return [];
        return [{ text, authorId, askedAt: typeof askedAt === 'number' ? askedAt : 0 }];
      });
      questions.sort((a, b) => a.askedAt - b.askedAt);
      return {
        issue: proseOf(doc, 'issueStatement'),
        outcome: proseOf(doc, 'desiredOutcome'),
        questions: questions.map(({ text, authorId }) => ({ text, authorId })),
      };
    });
  }

  /** Read-modify-write with compare-and-set; `change` may throw to refuse. */
  private async write(
    meetingId: string,
    change: (current: DisplayLinkRecord | null) => DisplayLinkRecord | null,
  ): Promise<void> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const current = await this.deps.store.get<DisplayLinkRecord>(LINKS, meetingId);
      const next = change(current?.value ?? null);
      if (!next) return;
      const written = await this.deps.store.put(LINKS, meetingId, next, current?.version ?? 0);
      if (written.ok) return;
    }
    throw refuse.conflict();
  }
}
