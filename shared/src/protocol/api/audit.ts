import { z } from 'zod';
import { EntityId } from './common.js';

/** Security events worth a record. Who, what and when — never what anyone wrote. */
export const AuditAction = z.enum([
  'setup.completed',
  'session.created',
  'session.ended',
  'link.created',
  'link.revoked',
  'link.redeemed',
  'link.declined',
  'link.refused',
  'set.created',
  'set.updated',
  'member.removed',
  'facilitation.requested',
  'facilitation.granted',
  'access.denied',
  'apologies.sent',
  'rate_limited',
  // The record (docs/privacy.md): that it happened, never whose words or what they were.
  'data.downloaded',
  'account.erased',
  'member.words_erased',
  'board.repaired',
  'set.purged',
  'recovery_code.created',
  'recovery_code.used',
  'account.email_changed',
  'passkey.added',
  'passkey.removed',
  'passkey.used',
  'passkey.refused',
  'mail.sign_in_sent',
]);
export type AuditAction = z.infer<typeof AuditAction>;

export const AuditEvent = z.object({
  id: z.string(),
  at: z.number(),
  action: AuditAction,
  actorId: EntityId.nullable(),
  actorName: z.string().nullable(),
  setId: EntityId.nullable(),
  /** A short code, e.g. why a link was refused; never content. */
  detail: z.string(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;
