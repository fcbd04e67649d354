// The signed-in user's bearer token. Kept in sessionStorage (this tab only, gone when it closes), sent only in the
// Authorization header of same-origin requests, never put in a URL.
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

export function signOut(): void {
  sessionStorage.removeItem(storageKey);
  session.value = null;
}
