// How this Api wants the page to sign in (GET /api/auth/config, anonymous): Development tokens or OpenID Connect.
import { ref } from 'vue';
import { api, ApiError } from '../api/client';
import type { AuthConfig } from '../api/contracts';

export const signInConfig = ref<AuthConfig | null>(null);

/** Why the page cannot sign in, in words (e.g. the Api names no client id for the page); empty when it can. */
export const signInConfigError = ref('');

export async function loadSignInConfig(): Promise<AuthConfig | null> {
  try {
    signInConfig.value = await api<AuthConfig>('GET', '/api/auth/config');
  } catch (e) {
    signInConfigError.value = e instanceof ApiError ? e.message : `The Api could not be reached: ${String(e)}`;
  }
  return signInConfig.value;
}
