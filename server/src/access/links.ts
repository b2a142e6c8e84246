/**
 * Links: invitations (to a set as member or facilitator, or to be an organiser) and sign-in links
 * for a new device. Each carries a 256-bit token stored only as its hash, works once, expires,
 * and can be revoked. `claim` is the one place a link changes from pending, with compare-and-set,
 * so of any number of simultaneous redemptions exactly one succeeds.
 */
import type { LinkKind, LinkView } from '@setboard/shared';
import type { Store } from '../store/store.js';
import type { AuditLog } from './audit-log.js';
import type { AccessError } from './errors.js';
import { refuse } from './errors.js';
import {
  addToIndex,
  Collection,
  createRecord,
  readLink,
  readPerson,
  readRecord,
  updateRecord,
  type LinkRecord,
} from './records.js';
import { hashToken, newId, newSecretToken } from './tokens.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** `createdBy` of links made by whoever runs the server (`npm run admin -- sign-in-link`). */
export const OPERATOR_ID = '@operator';

/** Where a link is listed: its set's links, organiser invitations, or personal sign-in links. */
function indexOf(link: Pick<LinkRecord, 'setId' | 'kind'>): string {
  if (link.setId) return Collection.setLinks(link.setId);
  return link.kind === 'sign_in' ? Collection.personalLinks : Collection.organiserLinks;
}

/** The page each kind of link opens; the token travels in the fragment, never to a server log. */
const LINK_PAGE: Record<LinkKind, string> = {
  member: '/invitation',
  facilitator: '/invitation',
  organiser: '/invitation',
  sign_in: '/sign-in',
};

export interface NewLink {
  kind: LinkKind;
  setId: string | null;
  createdBy: string;
  email?: string;
  note?: string;
  /** How long it works: days, or for e-mailed sign-in links minutes. */
  expiresInDays?: number;
  expiresInMinutes?: number;
  /** For sign-in links: the person it signs in. */
  personId?: string | null;
}

export class Links {
  constructor(private readonly deps: { store: Store; now: () => number; audit: AuditLog }) {}

  /** Makes a link; returns its record and the token (shown once, never stored). */
  async create(input: NewLink): Promise<{ link: LinkRecord; token: string }> {
    const token = newSecretToken();
    const now = this.deps.now();
    const link: LinkRecord = {
      id: newId(),
      kind: input.kind,
      setId: input.setId,
      tokenHash: hashToken(token),
      email: input.email ?? '',
      note: input.note ?? '',
      createdBy: input.createdBy,
      createdAt: now,
      expiresAt: now + (input.expiresInMinutes ?? 0) * 60_000 + (input.expiresInDays ?? 0) * DAY_MS,
      status: 'pending',
      personId: input.personId ?? null,
      usedAt: null,
    };
    const { store } = this.deps;
    await createRecord(store, Collection.links, link.id, link);
    await createRecord(store, Collection.linkTokens, link.tokenHash, { linkId: link.id });
    await addToIndex(store, indexOf(link), link.id);
    await this.deps.audit.record({
      action: 'link.created',
      actorId: input.createdBy,
      setId: input.setId,
      detail: input.kind,
    });
    return { link, token };
  }

  /** The address to copy: `<origin>/invitation#<token>`. */
  urlFor(origin: string, kind: LinkKind, token: string): string {
    return `${origin}${LINK_PAGE[kind]}#${token}`;
  }

  /** The pending link a token names, or the reason it cannot be used. */
  async findUsable(token: string, kinds: readonly LinkKind[]): Promise<LinkRecord> {
    const pointer = await readRecord<{ linkId: string }>(
      this.deps.store,
      Collection.linkTokens,
      hashToken(token),
    );
    const link = pointer ? await readLink(this.deps.store, pointer.linkId) : null;
    if (!link || !kinds.includes(link.kind)) throw await this.refused(null, 'unknown');
    if (link.status === 'revoked') throw await this.refused(link, 'revoked');
    if (link.status !== 'pending') throw await this.refused(link, 'used');
    if (this.deps.now() >= link.expiresAt) throw await this.refused(link, 'expired');
    return link;
  }

  /**
   * Moves a pending link to `used` or `declined` with compare-and-set. Exactly one of several
   * simultaneous claims succeeds; the others are refused as `link_used`.
   */
  async claim(
    link: LinkRecord,
    outcome: 'used' | 'declined',
    personId: string | null,
  ): Promise<LinkRecord> {
    const stored = await this.deps.store.get<LinkRecord>(Collection.links, link.id);
    if (!stored || stored.value.status !== 'pending') throw await this.refused(link, 'used');
    const claimed: LinkRecord = {
      ...stored.value,
      status: outcome,
      personId: link.kind === 'sign_in' ? link.personId : personId,
      usedAt: this.deps.now(),
    };
    const result = await this.deps.store.put(Collection.links, link.id, claimed, stored.version);
    if (!result.ok) throw await this.refused(link, 'used');
    return claimed;
  }

  /** Withdraws a pending link; `setId` null for organiser links. */
  async revoke(linkId: string, setId: string | null, actorId: string): Promise<LinkRecord> {
    const revoked = await updateRecord<LinkRecord>(
      this.deps.store,
      Collection.links,
      linkId,
      (link) => {
        if (link.setId !== setId) throw refuse.notFound('That link');
        if (link.status !== 'pending')
          throw refuse.conflict('Only a link that has not been used can be withdrawn.');
        return { ...link, status: 'revoked' };
      },
    );
    await this.deps.audit.record({ action: 'link.revoked', actorId, setId, detail: revoked.kind });
    return revoked;
  }

  /** Every link of a set (`setId`) or every organiser link (`null`), newest first. */
  async list(setId: string | null): Promise<LinkRecord[]> {
    const index = await this.deps.store.list(
      setId ? Collection.setLinks(setId) : Collection.organiserLinks,
    );
    const links = await Promise.all(index.map((entry) => readLink(this.deps.store, entry.id)));
    return links
      .filter((link): link is LinkRecord => link !== null)
      .sort((a, b) => b.createdAt - a.createdAt);
  }

  /** A link as its creators see it (no token, no hash). */
  async view(link: LinkRecord): Promise<LinkView> {
    const name = async (id: string | null) =>
      id ? ((await readPerson(this.deps.store, id))?.name ?? null) : null;
    const creator =
      link.createdBy === OPERATOR_ID ? 'Whoever runs Setboard' : await name(link.createdBy);
    const expired = link.status === 'pending' && this.deps.now() >= link.expiresAt;
    return {
      id: link.id,
      kind: link.kind,
      setId: link.setId,
      email: link.email,
      note: link.note,
      status: expired ? 'expired' : link.status,
      createdAt: link.createdAt,
      expiresAt: link.expiresAt,
      createdByName: creator ?? 'Unknown',
      personName: await name(link.personId),
    };
  }

  private async refused(
    link: LinkRecord | null,
    reason: 'unknown' | 'revoked' | 'used' | 'expired',
  ): Promise<AccessError> {
    await this.deps.audit.record({
      action: 'link.refused',
      setId: link?.setId ?? null,
      detail: reason,
    });
    switch (reason) {
      case 'unknown':
        return refuse.linkUnknown();
      case 'revoked':
        return refuse.linkRevoked();
      case 'used':
        return refuse.linkUsed();
      case 'expired':
        return refuse.linkExpired();
    }
  }
}
