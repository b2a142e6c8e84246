/**
 * A person's own account: their e-mail address, recovery code, passkeys, and the notices of
 * sign-ins with links someone else issued (docs/security.md). Requests are strict: unknown
 * fields are refused.
 */
import { z } from 'zod';
import { EntityId } from './common.js';

/** An e-mail address as people type it; stored lower case. '' means "none". */
export const EmailAddress = z
  .string()
  .trim()
  .max(254, 'An e-mail address must be 254 characters or fewer')
  .toLowerCase()
  .pipe(z.email('Enter an e-mail address like name@nhs.net'));

/** A sign-in with a link someone else issued, as the person is told of it. */
export const SignInNotice = z.object({
  id: z.string(),
  /** When the link was used. */
  at: z.number(),
  issuedByName: z.string(),
  /** When the link was issued. */
  issuedAt: z.number(),
});
export type SignInNotice = z.infer<typeof SignInNotice>;

/** The signed-in person's own standing, in `GET /api/session`. */
export const AccountStanding = z.object({
  email: z.string(),
  passkeys: z.number().int().min(0),
  hasRecoveryCode: z.boolean(),
  /**
   * Whether this session may open what is only theirs (learning log, account settings): false
   * after a sign-in with a link someone else issued, until a strong sign-in.
   */
  strongSignIn: z.boolean(),
  /** Sign-ins with links someone else issued that the person has not yet acknowledged. */
  signInNotices: z.array(SignInNotice),
});
export type AccountStanding = z.infer<typeof AccountStanding>;

/** `PUT /api/account/email`: '' removes the address. */
export const SetEmailRequest = z.strictObject({
  email: z.union([z.literal(''), EmailAddress]),
});
export type SetEmailRequest = z.input<typeof SetEmailRequest>;

/** A recovery code as shown: four groups of four letters and digits. */
export const RecoveryCode = z
  .string()
  .trim()
  .max(40, 'A recovery code is 19 characters')
  .transform((code) => code.toUpperCase().replace(/[^A-Z0-9]/g, ''))
  .pipe(
    z.string().regex(/^[A-Z0-9]{16}$/, 'Enter the 16 letters and digits of your recovery code'),
  );

/** `POST /api/account/recovery-code/use`: proves it is you with your recovery code. */
export const UseRecoveryCodeRequest = z.strictObject({ code: RecoveryCode });
export type UseRecoveryCodeRequest = z.input<typeof UseRecoveryCodeRequest>;

/** A freshly made recovery code, shown once. */
export const NewRecoveryCode = z.object({ code: z.string() });
export type NewRecoveryCode = z.infer<typeof NewRecoveryCode>;

/** `POST /api/account/notices/seen`. */
export const NoticesSeenRequest = z.strictObject({ ids: z.array(z.string().max(80)).max(100) });

/** `POST /api/sign-in/email`: "E-mail me a sign-in link". */
export const EmailSignInRequest = z.strictObject({ email: EmailAddress });
export type EmailSignInRequest = z.input<typeof EmailSignInRequest>;

/** The same reply whether or not the address is known. */
export const EmailSignInReply = z.object({ sent: z.literal(true) });
export type EmailSignInReply = z.infer<typeof EmailSignInReply>;

/** An organiser as other organisers see them (to issue a sign-in link). */
export const OrganiserSummary = z.object({
  id: EntityId,
  name: z.string(),
  organisation: z.string(),
});
export const OrganiserList = z.object({ organisers: z.array(OrganiserSummary) });
export type OrganiserList = z.infer<typeof OrganiserList>;

/** `POST /api/organisers/:personId/sign-in-links`. */
export const CreateOrganiserSignInLinkRequest = z.strictObject({
  expiresInDays: z.number().int().min(1).max(14).default(2),
});
