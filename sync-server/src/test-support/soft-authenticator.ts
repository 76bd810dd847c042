import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto';
import type { PasskeyOptions } from '@kigaligo/domain';
import { isoBase64URL, isoCBOR } from '@simplewebauthn/server/helpers';

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest();
const b64url = (bytes: Uint8Array) => isoBase64URL.fromBuffer(new Uint8Array(bytes));

interface Credential {
  id: Uint8Array;
  privateKey: KeyObject;
  rpId: string;
  userHandle: string;
  counter: number;
}

/** Authenticator data flags (WebAuthn §6.1): user present, user verified, attested credential data included. */
const UP = 0x01;
const UV = 0x04;
const AT = 0x40;

/**
 * A software passkey authenticator for API tests: it makes ES256 credentials and answers WebAuthn options the way
 * a browser and a platform authenticator together would (attestation "none", a counter per credential), so the
 * server's real verification runs without a browser. Chromium tests use the DevTools virtual authenticator instead.
 */
export class SoftAuthenticator {
  private readonly credentials: Credential[] = [];

  constructor(readonly origin = 'http://localhost') {}

  /** Answers `navigator.credentials.create()` options; `verified: false` leaves out user verification. */
  register(options: PasskeyOptions, { verified = true } = {}) {
    const rp = options.rp as { id: string };
    const user = options.user as { id: string };
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = publicKey.export({ format: 'jwk' });
    const cose = isoCBOR.encode(
      new Map<number, number | Uint8Array>([
        [1, 2], // kty: EC2
        [3, -7], // alg: ES256
        [-1, 1], // crv: P-256
        [-2, isoBase64URL.toBuffer(jwk.x!)],
        [-3, isoBase64URL.toBuffer(jwk.y!)],
      ]),
    );
    const id = new Uint8Array(randomBytes(16));
    const credential: Credential = { id, privateKey, rpId: rp.id, userHandle: user.id, counter: 0 };
    this.credentials.push(credential);
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(id.length);
    const authData = Buffer.concat([
      this.header(credential, AT | UP | (verified ? UV : 0)),
      Buffer.alloc(16), // AAGUID: none
      idLength,
      id,
      cose,
    ]);
    const attestation = new Map<string, string | Map<string, string> | Uint8Array>();
    attestation.set('fmt', 'none');
    attestation.set('attStmt', new Map());
    attestation.set('authData', new Uint8Array(authData));
    const attestationObject = isoCBOR.encode(attestation);
    return {
      id: b64url(id),
      rawId: b64url(id),
      type: 'public-key' as const,
      response: {
        clientDataJSON: this.clientData('webauthn.create', options.challenge),
        attestationObject: b64url(attestationObject),
        transports: ['internal'],
      },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform' as const,
    };
  }

  /**
   * Answers `navigator.credentials.get()` options with the first credential they allow (any of this site's when
   * they allow any), or with `using` (a credential id) regardless of what they allow.
   */
  sign(options: PasskeyOptions, { using, challenge }: { using?: string; challenge?: string } = {}) {
    const rpId = options.rpId as string;
    const allowed = ((options.allowCredentials ?? []) as { id: string }[]).map((c) => c.id);
    const credential = this.credentials.find((c) =>
      using
        ? b64url(c.id) === using
        : c.rpId === rpId && (allowed.length === 0 || allowed.includes(b64url(c.id))),
    );
    if (!credential) throw new Error('no passkey for these options');
    credential.counter += 1;
    const authData = this.header(credential, UP | UV);
    const clientDataJSON = this.clientData('webauthn.get', challenge ?? options.challenge);
    const signature = sign(
      'sha256',
      Buffer.concat([authData, sha256(isoBase64URL.toBuffer(clientDataJSON))]),
      credential.privateKey,
    );
    return {
      id: b64url(credential.id),
      rawId: b64url(credential.id),
      type: 'public-key' as const,
      response: {
        clientDataJSON,
        authenticatorData: b64url(authData),
        signature: b64url(signature),
        userHandle: credential.userHandle,
      },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform' as const,
    };
  }

  /** Makes this credential's next signature carry an older counter, as a cloned authenticator would. */
  rewind(credentialId: string) {
    const credential = this.credentials.find((c) => b64url(c.id) === credentialId);
    if (credential) credential.counter = 0;
  }

  private header(credential: Credential, flags: number): Buffer {
    const counter = Buffer.alloc(4);
    counter.writeUInt32BE(credential.counter);
    return Buffer.concat([sha256(credential.rpId), Buffer.from([flags]), counter]);
  }

  private clientData(type: string, challenge: string): string {
    return isoBase64URL.fromUTF8String(
      JSON.stringify({ type, challenge, origin: this.origin, crossOrigin: false }),
    );
  }
}
