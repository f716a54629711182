import type { IpcChannel } from '../../shared/ipc/ipc-contract';
import { createComposeService, type ComposePort } from './compose/compose-service';
import { createSafeFetch } from './net/safe-fetch';
import { nodeKeyDecryptor } from './node-key-decryptor';
import { createProfileService, type ProfileService, type RunnableProfile } from './profiles/profile-service';
import { createProfileStore } from './profiles/profile-store';
import type { CachedToken } from './token-cache/cached-token';
import { createRouter } from './router/create-router';
import type { Router } from './router/router-types';
import { keychainServiceName } from './secret-store/keychain-service-name';
import { createKeytarSecretStore } from './secret-store/keytar-secret-store';
import type { SecretStore } from './secret-store/secret-store';
import { createEngagementService, type EngagementPort } from './engagement/engagement-service';
import { createIntelligenceService, type IntelligenceService } from './intelligence/intelligence-service';
import { createProfileTokenService, fingerprintOf, type ProfileTokenService } from './token-cache/profile-token-service';
import { createTokenCache } from './token-cache/token-cache';
import { createWebSignInService, type WebSignInPort } from './web-app/web-sign-in-service';
import { createWebAppPort } from './web-app/web-app-refresh';

/** Options of the composition root: where profiles live, which keychain service, and what the host provides. */
export interface WorkbenchServicesOptions {
  /** The user-data folder (profiles.json lives here). */
  userDataDir: string;
  /** The keychain service name; default env MCTW_KEYCHAIN_SERVICE, else DEFAULT_KEYCHAIN_SERVICE. */
  keychainService?: string;
  /** The underlying fetch (wrapped in safe-fetch); default the global fetch. */
  fetch?: typeof fetch;
  /** The app version (package.json) reported by app:info. */
  appVersion: string;
  /** The platform reported by app:info; default process.platform. */
  platform?: string;
  /** Told about unexpected failures in the router (never their text where secrets could end up). */
  onInternalError?: (channel: IpcChannel, error: unknown) => void;
  /** Opens a web sign-in's page in the system browser (the desktop app's shell); without it the page opens it. */
  openSignInPage?: (url: string) => Promise<void>;
}

/** The wired services: the IPC router and what it is built on. */
export interface WorkbenchServices {
  router: Router;
  profiles: ProfileService;
  secrets: SecretStore;
  intelligence: IntelligenceService;
  engagement: EngagementPort;
  compose: ComposePort;
  /** Saved profiles' tokens through the token cache (the app's "Copy token", mctoken token/exec/whoami --profile). */
  profileTokens: ProfileTokenService;
  /** Web and public app sign-ins, kept per window in this process. */
  webSignIn: WebSignInPort;
  /** The fetch every outgoing request uses (safe-fetch). */
  fetch: typeof fetch;
}

/** The composition root used by the Electron main process and the CLI (mctoken ui included): the same router, profiles and keychain everywhere. */
export function createWorkbenchServices(options: WorkbenchServicesOptions): WorkbenchServices {
  const secrets = createKeytarSecretStore({ service: options.keychainService ?? keychainServiceName() });
  const store = createProfileStore({ dir: options.userDataDir });
  const profiles = createProfileService({ store, secrets, decryptor: nodeKeyDecryptor });
  const safeFetch = createSafeFetch(options.fetch ? { fetch: options.fetch } : {});
  // One token cache (keychain entries beside the profiles' secrets, lock files beside profiles.json): a saved profile's run
  // through either service refreshes it, and profileTokens reads it first.
  const cache = createTokenCache({ secrets, userDataDir: options.userDataDir });
  const rememberToken = (runnable: RunnableProfile, token: CachedToken) => cache.store(runnable.profile.id, fingerprintOf(runnable), token);
  const intelligence = createIntelligenceService({ profiles, fetch: safeFetch, decryptor: nodeKeyDecryptor, rememberToken });
  const engagement = createEngagementService({ profiles, fetch: safeFetch, rememberToken });
  const compose = createComposeService({ profiles, decryptor: nodeKeyDecryptor, fetch: safeFetch });
  // A web or public app's refresh token is spent only through profileTokens, under the profile's lock.
  const webApp = createWebAppPort({ secrets, fetch: safeFetch });
  const profileTokens = createProfileTokenService({ profiles, secrets, cache, intelligence, engagement, webApp });
  const webSignIn = createWebSignInService({
    fetch: safeFetch,
    profiles,
    ...(options.openSignInPage ? { openSignInPage: options.openSignInPage } : {}),
  });
  const router = createRouter({
    appVersion: options.appVersion,
    platform: options.platform ?? process.platform,
    secrets,
    profiles,
    intelligence,
    engagement,
    compose,
    profileTokens,
    webSignIn,
    ...(options.onInternalError ? { onInternalError: options.onInternalError } : {}),
  });
  return { router, profiles, secrets, intelligence, engagement, compose, profileTokens, webSignIn, fetch: safeFetch };
}
