/**
 * A passkey authenticator in software, for tests over HTTP: it makes real ES256 key pairs and
 * answers WebAuthn options with the same JSON a browser's `PublicKeyCredential.toJSON()` gives
 * ("none" attestation, user present and verified), so the server's real checks run on them.
 * Browsers in the end-to-end tests use Chromium's own virtual authenticator instead.
 */
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';

interface HeldCredential {
  id: Buffer;
  privateKey: KeyObject;
  rpId: string;
  userHandle: Buffer;
  counter: number;
}

export interface ReplyJson {
  id: string;
  rawId: string;
  type: 'public-key';
  response: Record<string, unknown>;
  clientExtensionResults: Record<string, never>;
  authenticatorAttachment: 'platform';
}

const b64url = (bytes: Buffer) => bytes.toString('base64url');
const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest();

export class SoftAuthenticator {
  readonly credentials: HeldCredential[] = [];

  /** Answers registration options (from `/api/account/passkeys/options`). */
  register(
    options: { challenge: string; rp: { id: string }; user: { id: string } },
    origin: string,
  ): ReplyJson {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = publicKey.export({ format: 'jwk' });
    const credential: HeldCredential = {
      id: randomBytes(16),
      privateKey,
      rpId: options.rp.id,
      userHandle: Buffer.from(options.user.id, 'base64url'),
      counter: 0,
    };
    this.credentials.push(credential);
    const coseKey = new Map<number, number | Buffer>([
      [1, 2], // kty: EC2
      [3, -7], // alg: ES256
      [-1, 1], // crv: P-256
      [-2, Buffer.from(jwk.x!, 'base64url')],
      [-3, Buffer.from(jwk.y!, 'base64url')],
    ]);
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(credential.id.length);
    const authData = Buffer.concat([
      this.authDataHead(credential, 0x45), // user present, verified, credential data included
      Buffer.alloc(16), // AAGUID
      idLength,
      credential.id,
      cbor(coseKey),
    ]);
    const attestationObject = cbor(
      new Map<string, unknown>([
        ['fmt', 'none'],
        ['attStmt', new Map()],
        ['authData', authData],
      ]),
    );
    return this.reply(credential, {
      clientDataJSON: b64url(clientData('webauthn.create', options.challenge, origin)),
      attestationObject: b64url(attestationObject),
      transports: ['internal'],
    });
  }

  /**
   * Answers sign-in options (from `/api/sign-in/passkey/options`) with one of its credentials
   * (the newest unless told), signing with the next counter value.
   */
  authenticate(
    options: { challenge: string; rpId: string },
    origin: string,
    credential = this.credentials.at(-1),
  ): ReplyJson {
    if (!credential) throw new Error('this authenticator holds no passkey');
    credential.counter += 1;
    const authData = this.authDataHead(credential, 0x05); // user present and verified
    const clientDataJSON = clientData('webauthn.get', options.challenge, origin);
    const signature = sign('sha256', Buffer.concat([authData, sha256(clientDataJSON)]), {
      key: credential.privateKey,
    });
    return this.reply(credential, {
      clientDataJSON: b64url(clientDataJSON),
      authenticatorData: b64url(authData),
      signature: b64url(signature),
      userHandle: b64url(credential.userHandle),
    });
  }

  private authDataHead(credential: HeldCredential, flags: number): Buffer {
    const counter = Buffer.alloc(4);
    counter.writeUInt32BE(credential.counter);
    return Buffer.concat([sha256(credential.rpId), Buffer.from([flags]), counter]);
  }

  private reply(credential: HeldCredential, response: Record<string, unknown>): ReplyJson {
    return {
      id: b64url(credential.id),
      rawId: b64url(credential.id),
      type: 'public-key',
      response,
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
    };
  }
}

function clientData(type: string, challenge: string, origin: string): Buffer {
  return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
}

/** Just enough CBOR for attestation objects: maps, integers, text and byte strings. */
function cbor(value: unknown): Buffer {
  const head = (major: number, length: number) => {
    if (length < 24) return Buffer.from([(major << 5) | length]);
    if (length < 256) return Buffer.from([(major << 5) | 24, length]);
    const bytes = Buffer.alloc(3);
    bytes[0] = (major << 5) | 25;
    bytes.writeUInt16BE(length, 1);
    return bytes;
  };
  if (typeof value === 'number') return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === 'string') {
    const text = Buffer.from(value, 'utf8');
    return Buffer.concat([head(3, text.length), text]);
  }
  if (Buffer.isBuffer(value)) return Buffer.concat([head(2, value.length), value]);
  if (value instanceof Map) {
    const parts: Buffer[] = [head(5, value.size)];
    for (const [key, entry] of value) parts.push(cbor(key), cbor(entry));
    return Buffer.concat(parts);
  }
  throw new Error(`cannot encode ${typeof value} as CBOR`);
}
