// OpenID Connect sign-in against the Api's authority: authorization code with PKCE (oidc-client-ts makes the verifier
// and its S256 challenge, keeps them in sessionStorage, and exchanges the code from the callback). The provider sends
// the browser back to this page with ?code=&state= only; the tokens come from the token endpoint in a response body,
// never in a URL, and the code and state are removed from the address bar at once.
import { ref } from 'vue';
import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import type { AuthConfig } from '../api/contracts';
import { onSignOut, signIn, signOut, type Session } from './session';

let manager: UserManager | null = null;

/** Why the last sign-in failed (e.g. the provider refused the code exchange), in words; empty otherwise. */
export const oidcError = ref('');

/** The page's own address, without query or fragment: the redirect URI to register at the provider. */
function pageAddress(): string {
  return window.location.origin + window.location.pathname;
}

function isCallback(): boolean {
  const query = new URLSearchParams(window.location.search);
  return query.has('state') && (query.has('code') || query.has('error'));
}

function toSession(user: User): Session {
  const { preferred_username, email, name, sub } = user.profile;
  return {
    userId: preferred_username ?? email ?? name ?? sub,
    accessToken: user.access_token,
    expiresAt: new Date((user.expires_at ?? 0) * 1000).toISOString(),
  };
}

/**
 * Sets up sign-in with the authority and completes a sign-in the provider has just redirected back from.
 * Returns false inside the hidden frame of a silent renewal, where the page itself must not start.
 */
export async function startOidc(config: AuthConfig): Promise<boolean> {
  const oidc = new UserManager({
    authority: config.authority!,
    client_id: config.clientId!,
    scope: config.scope ?? 'openid',
    redirect_uri: pageAddress(),
    silent_redirect_uri: pageAddress(),
    post_logout_redirect_uri: pageAddress(),
    response_type: 'code',
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    // Before the access token expires: a new one with the refresh token if the provider gave one, else from a
    // hidden frame (prompt=none) while the provider's own session lasts. If that fails, sign in again on expiry.
    automaticSilentRenew: true,
  });
  manager = oidc;
  oidc.events.addUserLoaded((user) => signIn(toSession(user)));
  oidc.events.addAccessTokenExpired(() => {
    signOut();
    void signInWithProvider();
  });
  onSignOut(() => void oidc.removeUser());

  if (isCallback()) {
    const inSilentFrame = window.parent !== window;
    try {
      await oidc.signinCallback();
    } catch (e) {
      oidcError.value = `Sign-in failed: ${e instanceof Error ? e.message : String(e)}`;
    }
    if (inSilentFrame) return false;
    window.history.replaceState(window.history.state, '', pageAddress());
  }

  const user = await oidc.getUser();
  if (user && !user.expired) signIn(toSession(user));
  return true;
}

/** Leaves for the provider's sign-in page; it comes back to this page with a code. */
export async function signInWithProvider(): Promise<void> {
  oidcError.value = '';
  await manager?.signinRedirect();
}

/**
 * The Sign out button: forgets the token here; under OpenID Connect also ends the provider's session when the
 * provider publishes an end-session endpoint (else its session would sign the next click straight back in).
 */
export async function signOutEverywhere(): Promise<void> {
  const user = await manager?.getUser();
  signOut();
  if (manager && user && (await manager.metadataService.getEndSessionEndpoint())) {
    await manager.signoutRedirect({ id_token_hint: user.id_token });
  }
}
