// The signed-in user's bearer token, however it was obtained (a Development token, or OpenID Connect: auth/oidc.ts).
// Kept in sessionStorage (this tab only, gone when it closes), sent only in the Authorization header of same-origin
// requests, never put in a URL.
import { ref } from 'vue';

const storageKey = 'videoaspire.session';

export interface Session { userId: string; accessToken: string; expiresAt: string }

function load(): Session | null {
  const raw = sessionStorage.getItem(storageKey);
  if (!raw) return null;
  const session = JSON.parse(raw) as Session;
  return new Date(session.expiresAt).getTime() > Date.now() ? session : null;
}

export const session = ref<Session | null>(load());

export function signIn(value: Session): void {
  sessionStorage.setItem(storageKey, JSON.stringify(value));
  session.value = value;
}

const signOutListeners: (() => void)[] = [];

/** Called on every sign-out (the button, a 401): OpenID Connect forgets its stored user too. */
export function onSignOut(listener: () => void): void {
  signOutListeners.push(listener);
}

export function signOut(): void {
  sessionStorage.removeItem(storageKey);
  session.value = null;
  for (const listener of signOutListeners) listener();
}
