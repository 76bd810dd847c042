import type { PasskeyAssertion, PasskeyOptions, PasskeyRegistration } from '@kigaligo/domain';

/** The browser can make and use passkeys (WebAuthn); the apps offer them only then. */
export const passkeysSupported = (): boolean =>
  typeof window !== 'undefined' && typeof window.PublicKeyCredential === 'function';

/** The person closed the browser's passkey prompt, it timed out, or the device has no passkey for this site. */
export class PasskeyCancelledError extends Error {
  constructor() {
    super('The passkey prompt was closed');
    this.name = 'PasskeyCancelledError';
  }
}

// The WebAuthn helper is loaded on first use: most sign-ins never need it, and the first screen stays small.
const webauthn = () => import('@simplewebauthn/browser');

/** Browsers report a closed, timed-out or empty prompt as NotAllowedError (WebAuthn §5.1.3). */
function cancelled(err: unknown): boolean {
  const cause = err instanceof Error && 'cause' in err ? err.cause : null;
  return [err, cause].some(
    (e) => e instanceof Error && (e.name === 'NotAllowedError' || e.name === 'AbortError'),
  );
}

/** Makes a new passkey with the server's creation options; answers what the browser reports, for the server. */
export async function createPasskey(options: PasskeyOptions): Promise<PasskeyRegistration> {
  const { startRegistration } = await webauthn();
  try {
    // The server wrote these options for exactly this call (`@simplewebauthn/server`).
    const answer = await startRegistration({
      optionsJSON: options as unknown as Parameters<typeof startRegistration>[0]['optionsJSON'],
    });
    return { ...answer, clientExtensionResults: { ...answer.clientExtensionResults } };
  } catch (err) {
    if (cancelled(err)) throw new PasskeyCancelledError();
    throw err;
  }
}

/** Signs the server's challenge with one of this site's passkeys on the device. */
export async function signWithPasskey(options: PasskeyOptions): Promise<PasskeyAssertion> {
  const { startAuthentication } = await webauthn();
  try {
    const answer = await startAuthentication({
      optionsJSON: options as unknown as Parameters<typeof startAuthentication>[0]['optionsJSON'],
    });
    return { ...answer, clientExtensionResults: { ...answer.clientExtensionResults } };
  } catch (err) {
    if (cancelled(err)) throw new PasskeyCancelledError();
    throw err;
  }
}
