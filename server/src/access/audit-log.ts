/**
 * The audit log of security events: who, what and when — never what anyone wrote, never a token.
 * Ids sort by time, so the newest events are easy to list.
 */
import type { AuditAction, AuditEvent } from '@setboard/shared';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import { newId } from './tokens.js';
import { Collection, readPerson } from './records.js';

/** How many events `list` returns, newest first. */
export const AUDIT_PAGE_SIZE = 500;

export interface AuditEntry {
  action: AuditAction;
  actorId?: string | null;
  setId?: string | null;
  /** A short code (why a link was refused, which role…). Never content or secrets. */
  detail?: string;
}

export class AuditLog {
  constructor(private readonly deps: { store: Store; logger: Logger; now: () => number }) {}

  /** Records an event. Failing to record is logged, never fatal to the request. */
  async record(entry: AuditEntry): Promise<void> {
    const at = this.deps.now();
    const event = {
      id: `${at.toString().padStart(15, '0')}-${newId()}`,
      at,
      action: entry.action,
      actorId: entry.actorId ?? null,
      setId: entry.setId ?? null,
      detail: entry.detail ?? '',
    };
    this.deps.logger.info({ audit: event }, `audit: ${entry.action}`);
    try {
      await this.deps.store.put(Collection.audit, event.id, event, 0);
    } catch (error) {
      this.deps.logger.error({ err: error, action: entry.action }, 'could not store audit event');
    }
  }

  /** The newest events, with the actor's name where known. */
  async list(): Promise<AuditEvent[]> {
    const records = await this.deps.store.list<Omit<AuditEvent, 'actorName'>>(Collection.audit);
    const newest = records
      .map((record) => record.value)
      .sort((a, b) => b.id.localeCompare(a.id))
      .slice(0, AUDIT_PAGE_SIZE);
    const names = new Map<string, string | null>();
    for (const event of newest) {
      if (event.actorId && !names.has(event.actorId)) {
        const person = await readPerson(this.deps.store, event.actorId);
        names.set(event.actorId, person?.name ?? null);
      }
    }
    return newest.map((event) => ({
      ...event,
      actorName: event.actorId ? (names.get(event.actorId) ?? null) : null,
    }));
  }
}
