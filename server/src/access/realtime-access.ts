/**
 * Who may open a realtime connection, and to which document. Used by the Socket.IO handshake and
 * the /yjs upgrade, with the same rules as the HTTP policies (shared/src/domain/access.ts).
 */
import type { IncomingMessage } from 'node:http';
import { docAccessRule, YjsCloseCode } from '@setboard/shared';
import type { AccessServices } from './services.js';
import { activeRoleIn } from './sets.js';
import type { ResolvedSession } from './sessions.js';
import { readSessionToken } from './session-token.js';

/** The signed-in session behind a handshake, or null. */
export function sessionOfRequest(
  services: AccessServices,
  request: IncomingMessage,
): Promise<ResolvedSession | null> {
  return services.sessions.resolve(readSessionToken(request));
}

export type DocAdmission =
  | { ok: true; personId: string; displayName: string; sessionKey: string; setId: string | null }
  | { ok: false; closeCode: number; reason: string };

/**
 * Whether the person behind `request` may open `docName`: a set's docs need active membership
 * (organisers see no content), a learning log only its owner, signed in strongly.
 */
export async function admitToDoc(
  services: AccessServices,
  request: IncomingMessage,
  docName: string,
): Promise<DocAdmission> {
  const session = await sessionOfRequest(services, request);
  if (!session) return { ok: false, closeCode: YjsCloseCode.unauthenticated, reason: 'sign in' };
  const personId = session.person.id;
  const admitted = { personId, displayName: session.person.name, sessionKey: session.sessionKey };
  const rule = docAccessRule(docName);
  const admit = (setId: string | null): DocAdmission => {
    services.docAdmissions.record({ sessionKey: session.sessionKey, personId, setId });
    return { ok: true, ...admitted, setId };
  };
  switch (rule.kind) {
    case 'owner':
      if (rule.personId !== personId)
        return { ok: false, closeCode: YjsCloseCode.forbidden, reason: 'not yours' };
      // A session begun with a link someone else issued does not open what is only theirs
      // (docs/security.md, "Sign-in links").
      return session.strong
        ? admit(null)
        : { ok: false, closeCode: YjsCloseCode.forbidden, reason: 'strong sign-in needed' };
    case 'set': {
      const set = await services.sets.get(rule.setId);
      return set && activeRoleIn(set, personId)
        ? admit(set.id)
        : { ok: false, closeCode: YjsCloseCode.forbidden, reason: 'not a member' };
    }
    case 'unknown':
      return { ok: false, closeCode: YjsCloseCode.notFound, reason: 'no such document' };
  }
}
