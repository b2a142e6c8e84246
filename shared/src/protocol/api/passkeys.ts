/**
 * Passkeys (WebAuthn): adding, naming and removing them under "Your account", and signing in with
 * one from the home page (docs/security.md, "Passkeys"). The browser's own JSON forms of the
 * ceremonies travel inside `response`; the server checks them with `@simplewebauthn/server`.
 */
import { z } from 'zod';
import { nameText } from '../../domain/names.js';
import { EntityId } from './common.js';
import { SessionView } from './session.js';

/** The longest passkey name, in characters. */
export const MAX_PASSKEY_NAME_LENGTH = 60;

/** What a person calls a passkey, e.g. "Work laptop". */
export const PasskeyName = nameText('a name for this passkey', MAX_PASSKEY_NAME_LENGTH);

/** base64url as WebAuthn's JSON forms carry it; long enough for any real attestation. */
const Base64Url = z
  .string()
  .max(16_384, 'This passkey reply is too long')
  .regex(/^[A-Za-z0-9_-]*$/, 'This passkey reply is not in the expected form');

const Transports = z.array(z.string().max(20)).max(10);

/** `PublicKeyCredential.toJSON()` after `navigator.credentials.create()`. */
export const RegistrationResponse = z.object({
  id: Base64Url,
  rawId: Base64Url,
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: Base64Url,
    attestationObject: Base64Url,
    authenticatorData: Base64Url.optional(),
    transports: Transports.optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: Base64Url.optional(),
  }),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: z.record(z.string(), z.unknown()),
});

/** `PublicKeyCredential.toJSON()` after `navigator.credentials.get()`. */
export const AuthenticationResponse = z.object({
  id: Base64Url,
  rawId: Base64Url,
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: Base64Url,
    authenticatorData: Base64Url,
    signature: Base64Url,
    userHandle: Base64Url.optional(),
  }),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: z.record(z.string(), z.unknown()),
});

/**
 * The options the browser passes to WebAuthn, as `@simplewebauthn/server` makes them. The client
 * hands them on untouched, so only the challenge is checked here.
 */
export const CeremonyOptions = z.looseObject({ challenge: z.string() });
export type CeremonyOptions = z.infer<typeof CeremonyOptions>;

/** `POST /api/account/passkeys`: the new passkey, and what to call it. */
export const AddPasskeyRequest = z.strictObject({
  response: RegistrationResponse,
  name: PasskeyName,
});
export type AddPasskeyRequest = z.input<typeof AddPasskeyRequest>;

/** `PATCH /api/account/passkeys/:passkeyId`. */
export const RenamePasskeyRequest = z.strictObject({ name: PasskeyName });
export type RenamePasskeyRequest = z.input<typeof RenamePasskeyRequest>;

/** `POST /api/sign-in/passkey`. */
export const PasskeySignInRequest = z.strictObject({ response: AuthenticationResponse });
export type PasskeySignInRequest = z.input<typeof PasskeySignInRequest>;

/** One of the person's passkeys, as they see it. */
export const PasskeyView = z.object({
  id: EntityId,
  name: z.string(),
  createdAt: z.number(),
  lastUsedAt: z.number().nullable(),
});
export type PasskeyView = z.infer<typeof PasskeyView>;

/** The person's passkeys, and their session view (which counts them). */
export const PasskeysReply = z.object({
  passkeys: z.array(PasskeyView),
  session: SessionView,
});
export type PasskeysReply = z.infer<typeof PasskeysReply>;
