import { describe, expect, it } from 'vitest';
import { secretMask } from '../../shared/exchange/mask-secrets';
import type { FlowStep } from '../../shared/exchange/flow-types';
import { MASK } from '../../shared/exchange/shown-exchange';
import { createPainter } from './paint';
import { formatStep, stepSecrets } from './steps';

describe('known secrets', () => {
  const secret = 'client-secret-value';

  it("formatStep masks the run's secrets and the step's own sensitive values wherever the server's text echoes them", () => {
    const assertion = 'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ4In0.c2ln';
    const step: FlowStep<string> = {
      id: 'token',
      title: 'Request the access token',
      status: 'failed',
      request: {
        method: 'POST',
        url: 'https://example.com/token',
        headers: [],
        params: [
          { name: 'client_assertion', value: assertion, sensitive: true },
          { name: 'client_secret', value: MASK, sensitive: true },
        ],
      },
      response: {
        status: 400,
        headers: [['x-echo', secret]].map(([name = '', value = '']) => ({ name, value, sensitive: false })),
        body: `{"a":"${assertion}","s":"${secret}"}`,
      },
      error: { code: 'ERR_OAUTH_INVALID_GRANT', message: `Bad ${secret}` },
    };
    expect(stepSecrets(step)).toEqual([assertion]);
    const shown = formatStep(step, createPainter(false), [secret]);
    expect(shown).not.toContain(assertion);
    expect(shown).not.toContain(secret);
    expect(shown).toContain(`{"a":"${secretMask(assertion.length)}","s":"${secretMask(secret.length)}"}`);
    expect(shown).toContain(`x-echo: ${secretMask(secret.length)}`);
    expect(shown).toContain(`ERR_OAUTH_INVALID_GRANT Bad ${secretMask(secret.length)}`);
  });
});
