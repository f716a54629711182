// The errors people meet with Engagement packages (from public issue trackers), each explained with its own code and hint,
// against the local Engagement auth server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  NOT_ELIGIBLE_MESSAGE,
  SAMPLE_PACKAGE,
  UNSUPPORTED_GRANT_DESCRIPTION,
  startEngagementServer,
  type EngagementServer,
} from '../../test/support/engagement-server';
import { timedRequest } from '../exchange/timed-request';
import { engagementTokenFailure } from './engagement-oauth';
import { ENHANCED_PACKAGE_HINT } from './legacy-refresh';
import { runEngagementFlow } from './run-engagement-flow';
import { runLegacyRefresh } from './run-legacy-refresh';
import { SCOPE_CHANGE_DELAY_NOTE } from './scopes';
import { tenantFromAuthUrl } from './tenant';

const ENHANCED = { ...SAMPLE_PACKAGE, clientId: 'enhanced-pkg-2020', clientSecret: 'EnhancedSecret-7Qw2', enhanced: true };
const APP = {
  ...SAMPLE_PACKAGE,
  clientId: 'app-pkg',
  application: {
    name: 'Acme Sync',
    redirectUrl: ['https://127.0.0.1:80/', 42, 'https://acme.example/cb'],
    appScopes: ['email_read', 'offline'],
  },
};

let server: EngagementServer;
beforeAll(async () => {
  server = await startEngagementServer({ packages: [SAMPLE_PACKAGE, ENHANCED, APP] });
});
afterAll(() => server.close());

describe('errorcode 10007 on v1/requestToken', () => {
  it('says the package is enhanced and what to use instead (v2/token, or the authorization code)', async () => {
    const refreshToken = server.issueRefreshToken(ENHANCED.clientId);
    const report = await runLegacyRefresh(
      { source: { authEndpoint: server.refreshUrl, refreshToken }, clientId: ENHANCED.clientId, clientSecret: ENHANCED.clientSecret },
      { fetch },
    );
    expect(report.outcome).toEqual({
      ok: false,
      error: {
        code: 'ERR_LEGACY_ENDPOINT_NOT_ELIGIBLE',
        message: `The auth endpoint refused the legacy refresh with HTTP 400 (errorcode 10007): this package may not use v1/requestToken. It said: ${NOT_ELIGIBLE_MESSAGE}`,
        hint: ENHANCED_PACKAGE_HINT,
      },
    });
    expect(ENHANCED_PACKAGE_HINT).toBe(
      'The package is enhanced (created since August 2019): it never gets the legacy refresh, and v1/requestToken refuses its client id. For a server-to-server integration get a token from v2/token (Engagement credentials in the app, or mctoken token --client-id ID --client-secret-env VAR --subdomain SUB); for a web or public app sign in with the authorization code (mctoken login).',
    );
    expect(JSON.stringify(report)).not.toContain(ENHANCED.clientSecret);
    expect(report.steps[0]?.status).toBe('failed');
  });

  it('keeps the other {message, errorcode} refusals as they were', async () => {
    const report = await runLegacyRefresh(
      { source: { authEndpoint: server.refreshUrl, refreshToken: 'unknown' }, clientId: SAMPLE_PACKAGE.clientId, clientSecret: 'wrong' },
      { fetch },
    );
    expect(report.outcome).toMatchObject({ ok: false, error: { code: 'ERR_REFRESH_REJECTED' } });
  });
});

describe('an auth URL that already ends in v2/token', () => {
  it.each(['v2/token', 'v2/token/', 'V2/Token', 'v2/token/v2/token', 'v2/TOKEN/v2/token/'])(
    'is cut back to the base, with WARN_AUTH_URL_TOKEN_PATH and a hint (%s)',
    (tail) => {
      const tenant = tenantFromAuthUrl(`https://mc563885gzs27c5t9-63k636ttgm.auth.marketingcloudapis.com/${tail}`);
      const base = 'https://mc563885gzs27c5t9-63k636ttgm.auth.marketingcloudapis.com/';
      expect(tenant.authBaseUrl.href).toBe(base);
      expect(tenant.warnings).toEqual([
        {
          code: 'WARN_AUTH_URL_TOKEN_PATH',
          message: `The auth base URL ends in ${tail}: that is the token URL, not the base. The workbench removed it and posts to ${base}v2/token.`,
          hint: `Give the base alone (${base}). A tool that appends v2/token to what it is given posts to .../v2/token/v2/token, and Marketing Cloud answers unsupported_grant_type there.`,
        },
      ]);
    },
  );

  it('is not warned about when the path only contains v2/token elsewhere, or is the base', () => {
    expect(tenantFromAuthUrl('https://mc563885gzs27c5t9-63k636ttgm.auth.marketingcloudapis.com/').warnings).toEqual([]);
    expect(tenantFromAuthUrl('http://127.0.0.1:9/v2/token/x/').warnings).toEqual([]);
  });

  it('gets its token from <base>v2/token, once appended, with the warning in the report', async () => {
    const report = await runEngagementFlow(
      { clientId: SAMPLE_PACKAGE.clientId, clientSecret: SAMPLE_PACKAGE.clientSecret, authUrl: `${server.authBaseUrl}v2/token/v2/token` },
      { fetch },
    );
    expect(report.outcome).toMatchObject({ ok: true, token: { tokenEndpoint: `${server.authBaseUrl}v2/token` } });
    expect(report.warnings.map((warning) => warning.code)).toEqual(['WARN_AUTH_URL_TOKEN_PATH']);
    expect(server.requests.at(-1)).toMatchObject({ path: '/v2/token', status: 200 });
  });

  it("explains the server's unsupported_grant_type at v2/token/v2/token with the doubled path", async () => {
    const url = new URL('v2/token/v2/token', server.authBaseUrl);
    const body = JSON.stringify({
      grant_type: 'client_credentials',
      client_id: SAMPLE_PACKAGE.clientId,
      client_secret: SAMPLE_PACKAGE.clientSecret,
    });
    const answer = await timedRequest(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body }, 'token endpoint', {
      fetch,
    });
    const error = engagementTokenFailure(answer);
    expect(error.code).toBe('ERR_OAUTH_UNSUPPORTED_GRANT_TYPE');
    expect(error.message).toContain(UNSUPPORTED_GRANT_DESCRIPTION);
    expect(error.hint).toBe(
      'The server did not accept the grant at this URL. Check that the auth base URL is the tenant-specific one of the package and ends at its host (https://<subdomain>.auth.marketingcloudapis.com/): Marketing Cloud answers unsupported_grant_type when v2/token is appended to a URL that already ends in v2/token (…/v2/token/v2/token), as a public report shows.',
    );
  });
});

describe('a scope not granted (yet)', () => {
  it('names it, with the documented five-minute delay for package changes', async () => {
    const report = await runEngagementFlow(
      {
        clientId: SAMPLE_PACKAGE.clientId,
        clientSecret: SAMPLE_PACKAGE.clientSecret,
        authUrl: server.authBaseUrl,
        scope: 'email_read journeys_read',
      },
      { fetch },
    );
    expect(report.outcome).toMatchObject({ ok: true, token: { missingScopes: ['journeys_read'] } });
    expect(report.warnings).toEqual([
      {
        code: 'WARN_SCOPES_MISSING',
        message: "Requested but not granted: journeys_read. The package's API Integration lacks these permissions.",
        hint: 'If you just added them to the package, wait: the docs say permission changes take up to five minutes to reach new tokens. Then get a new token.',
      },
    ]);
    expect(report.warnings[0]?.hint).toBe(SCOPE_CHANGE_DELAY_NOTE);
  });
});

describe("who-am-I: the package's own scopes and redirect URLs", () => {
  it('reads application.name, .appScopes and .redirectUrl from v2/userinfo (strings only)', async () => {
    const report = await runEngagementFlow(
      { clientId: APP.clientId, clientSecret: APP.clientSecret, authUrl: server.authBaseUrl, whoami: true },
      { fetch },
    );
    expect(report.outcome).toMatchObject({
      ok: true,
      whoami: {
        summary: {
          applicationName: 'Acme Sync',
          applicationScopes: ['email_read', 'offline'],
          redirectUrls: ['https://127.0.0.1:80/', 'https://acme.example/cb'],
        },
      },
    });
  });
});
