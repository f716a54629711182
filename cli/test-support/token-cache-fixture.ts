// Test fixture for the token-cache CLI suites: a throwaway user-data folder and keychain service, the local identity
// provider and Engagement server (which count token requests), one profile of each product saved through the app's own
// services (the scan that no token lands in a file under HOME or the user-data folder: test/support/files-holding.ts).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWorkbenchServices, type WorkbenchServices } from '../../electron/services/create-services';
import type { Profile } from '../../shared/profiles/profile';
import { SAMPLE_PACKAGE, startEngagementServer, type EngagementServer } from '../../test/support/engagement-server';
import { startIdpServer, type IdpServer } from '../../test/support/idp-server';
import { testKeyPair } from '../../test/support/test-keys';
import { runMctoken, startMctoken, type RunOptions } from './run-mctoken';

export const CACHE_CLIENT_ID = 'sa-cli-token-cache-5e1f';

/** The running fixture. */
export interface TokenCacheFixture {
  userDataDir: string;
  services: WorkbenchServices;
  idp: IdpServer;
  engagement: EngagementServer;
  env: Record<string, string>;
  intelligence: Profile;
  engagementProfile: Profile;
  cli(...args: string[]): ReturnType<typeof runMctoken>;
  start(args: string[], options?: RunOptions): ReturnType<typeof startMctoken>;
  /** Token requests each server has answered so far. */
  tokenRequests(): { intelligence: number; engagement: number };
  close(): Promise<void>;
}

export async function startTokenCacheFixture(tag: string): Promise<TokenCacheFixture> {
  const keys = testKeyPair(`token-cache-${tag}`);
  const keychainService = `mctw-test-cache-${randomUUID()}`;
  const userDataDir = mkdtempSync(join(tmpdir(), 'mctw-cli-cache-'));
  const env = { MCTW_USER_DATA_DIR: userDataDir, MCTW_KEYCHAIN_SERVICE: keychainService };
  const idp = await startIdpServer({ clients: { [CACHE_CLIENT_ID]: keys.publicPem } });
  const engagement = await startEngagementServer({ packages: [SAMPLE_PACKAGE] });
  const services = createWorkbenchServices({ userDataDir, keychainService, appVersion: '0.0.0-test' });
  const intelligence = await services.profiles.save({
    name: `intel-${tag}`,
    product: 'intelligence',
    clientId: CACHE_CLIENT_ID,
    discoveryUrl: idp.discoveryUrl('us1'),
    privateKeyPem: keys.pkcs8Pem,
  });
  const engagementProfile = await services.profiles.save({
    name: `mc-${tag}`,
    product: 'engagement',
    clientId: SAMPLE_PACKAGE.clientId,
    clientSecret: SAMPLE_PACKAGE.clientSecret,
    authUrl: engagement.authBaseUrl,
  });
  return {
    userDataDir,
    services,
    idp,
    engagement,
    env,
    intelligence,
    engagementProfile,
    cli: (...args) => runMctoken(args, { env }),
    start: (args, options = {}) => startMctoken(args, { ...options, env: { ...env, ...options.env } }),
    tokenRequests: () => ({
      intelligence: idp.requests.filter((request) => request.endpoint === 'token').length,
      engagement: engagement.requests.filter((request) => request.endpoint === 'token').length,
    }),
    async close() {
      for (const account of await services.secrets.list().catch(() => [])) await services.secrets.delete(account);
      await idp.close();
      await engagement.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export { filesHoldingTokens } from '../../test/support/files-holding';
