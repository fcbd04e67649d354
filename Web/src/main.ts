import { createApp } from 'vue';
import App from './App.vue';
import { startOidc } from './auth/oidc';
import { loadSignInConfig } from './auth/signInConfig';
import './styles.css';

// Sign-in comes first: the Api says how (Development or OpenID Connect), and a redirect back from the provider is
// completed (and its code removed from the address bar) before the page shows anything.
async function start(): Promise<void> {
  const config = await loadSignInConfig();
  if (config?.mode === 'oidc' && !(await startOidc(config))) return; // the hidden frame of a silent renewal
  createApp(App).mount('#app');
}

void start();
