import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { importPKCS8 } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIdpServer, type IdpServer } from '../../test/support/idp-server';
import { pemBody, testKeyPair } from '../../test/support/test-keys';
import { ASSERTION_HEADER, buildAssertionClaims } from './assertion-claims';
import { shellQuote, tokenRequestCurl } from './curl';
import { signAssertion } from './sign-assertion';
import { tokenRequestParams } from './token-exchange';

const run = promisify(execFile);

describe('shellQuote', () => {
  it.each([
    ['plain', "'plain'"],
    ["it's", "'it'\\''s'"],
    ['$HOME `x` "y" \\', '\'$HOME `x` "y" \\\''],
  ])('quotes %j as %s, which the shell reads back unchanged', async (value, quoted) => {
    expect(shellQuote(value)).toBe(quoted);
    const { stdout } = await run('bash', ['-c', `printf %s ${quoted}`]);
    expect(stdout).toBe(value);
  });
});

describe('tokenRequestCurl', () => {
  const endpoint = new URL('https://idp.intelligence.salesforce.com/us1/token');
  const params = tokenRequestParams('sa-1', 'aaa.bbb.ccc');

  it('form style: --data-urlencode for each parameter', () => {
    expect(tokenRequestCurl(endpoint, params, 'form')).toBe(
      [
        'curl --silent --show-error --request POST',
        "  --header 'Accept: application/json'",
        "  --data-urlencode 'grant_type=client_credentials'",
        "  --data-urlencode 'client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer'",
        "  --data-urlencode 'client_id=sa-1'",
        "  --data-urlencode 'client_assertion=aaa.bbb.ccc'",
        "  'https://idp.intelligence.salesforce.com/us1/token'",
      ].join(' \\\n'),
    );
  });

  it('query style: the parameters in the URL of an empty POST', () => {
    expect(tokenRequestCurl(endpoint, params, 'query')).toBe(
      [
        'curl --silent --show-error --request POST',
        "  --header 'Accept: application/json'",
        "  --header 'Content-Length: 0'",
        "  'https://idp.intelligence.salesforce.com/us1/token?grant_type=client_credentials&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer&client_id=sa-1&client_assertion=aaa.bbb.ccc'",
      ].join(' \\\n'),
    );
  });
});

describe.skipIf(!existsSync('/usr/bin/curl'))('the curl command, run for real against the local identity provider', () => {
  let server: IdpServer;
  let key: CryptoKey;
  beforeAll(async () => {
    server = await startIdpServer({ clients: { "sa-'quoted'": testKeyPair().publicPem } });
    key = await importPKCS8(testKeyPair().pkcs8Pem, 'RS256');
  });
  afterAll(() => server.close());

  it.each(['form', 'query'] as const)('%s style gets a token, and carries the assertion but never the key', async (style) => {
    const clientId = "sa-'quoted'";
    const assertion = await signAssertion(
      { ...ASSERTION_HEADER },
      buildAssertionClaims(clientId, Date.now(), () => crypto.randomUUID()),
      key,
    );
    const command = tokenRequestCurl(new URL(server.tokenUrl('us2')), tokenRequestParams(clientId, assertion), style);
    expect(command).toContain(assertion);
    expect(command).not.toContain(pemBody(testKeyPair().pkcs8Pem).slice(0, 64));
    const { stdout } = await run('bash', ['-c', command]);
    const body = JSON.parse(stdout) as { access_token: string; expires_in: number };
    expect(server.hasIssued(body.access_token)).toBe(true);
    expect(server.requests.at(-1)).toMatchObject({ endpoint: 'token', style, status: 200 });
  });
});
