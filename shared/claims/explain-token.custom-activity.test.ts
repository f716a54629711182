// The decoder explains a Journey Builder custom-activity call field by field (documented vs seen in public code), shows
// unknown fields as found with no warning, and explains the SSO JWT's mcAccessToken and mcAccessTokenExp.
import { describe, expect, it } from 'vitest';
import {
  RECORDED_EXECUTE_PATHS,
  RECORDED_EXECUTE_PAYLOAD,
  makeActivityCall,
  rawActivityRequest,
} from '../../test/support/custom-activity-calls';
import { makeEngagementSsoJwt } from '../../test/support/engagement-tokens';
import { decodeToken } from '../decode/decode-token';
import { TOKEN_KIND_LABELS } from '../decode/token-kind';
import { explainToken, UNDOCUMENTED_CLAIM } from './explain-token';
import type { ExplainedClaim, TokenExplanation } from './explained-claim';

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);

function explain(jwt: string): TokenExplanation {
  return explainToken(decodeToken(jwt), { now: NOW, decodedAt: NOW });
}

function row(explanation: TokenExplanation, path: string): ExplainedClaim {
  const found = explanation.claims.find((c) => c.path === path);
  if (found === undefined) throw new Error(`no row for ${path}`);
  return found;
}

const SEEN = /^Seen in recorded calls and public activity code, not documented: /;

describe('explainToken: a custom-activity call', () => {
  const explanation = explain(makeActivityCall());

  it('says what it is in the title', () => {
    expect(explanation.kind).toBe('custom-activity');
    expect(explanation.kindLabel).toBe(TOKEN_KIND_LABELS['custom-activity']);
    expect(explanation.kindLabel).toBe('Journey Builder custom activity call (the JWT body of execute, save, validate, publish or stop)');
  });

  it('explains every field of the recorded execute call, in document order, with its source', () => {
    expect(explanation.claims.map((c) => c.path)).toEqual(RECORDED_EXECUTE_PATHS);
    for (const claim of explanation.claims) expect(claim.explanation, claim.path).not.toBe(UNDOCUMENTED_CLAIM);
    for (const path of ['inArguments.0.smsKeyword', 'inArguments.0.smsPhone', 'inArguments.0.smsMessage', 'outArguments']) {
      expect(row(explanation, path).documented, path).toBe(true);
      expect(row(explanation, path).explanation, path).toMatch(/^Documented: /);
    }
    for (const path of RECORDED_EXECUTE_PATHS.slice(4)) {
      expect(row(explanation, path).documented, path).toBe(false);
      expect(row(explanation, path).explanation, path).toMatch(SEEN);
    }
  });

  it('says where each value comes from and how to use it', () => {
    const says = (path: string) => row(explanation, path).explanation;
    expect(says('inArguments.0.smsKeyword')).toContain('config.json arguments.execute.inArguments');
    expect(says('inArguments.0.smsKeyword')).toContain('{{Contact.Key}} is the contact key');
    expect(says('inArguments.0.smsKeyword')).toContain('{{Event.<eventDefinitionKey>.<field>}}');
    expect(says('outArguments')).toContain('config.json arguments.execute.outArguments');
    expect(says('keyValue')).toContain('the contact key of the contact this call is for');
    expect(says('activityObjectID')).toContain('key your activity');
    expect(says('journeyId')).toContain('the journey that made the call');
    expect(says('activityId')).toContain('this activity in the journey');
    expect(says('definitionInstanceId')).toContain('not published');
    expect(says('activityInstanceId')).toContain('not published');
    expect(says('mode')).toContain('no public source gives');
    expect(row(explanation, 'mode').interpretation).toBe('The value recorded execute calls carry; its meaning is not documented.');
    expect(row(explanation, 'keyValue').value).toBe(RECORDED_EXECUTE_PAYLOAD.keyValue);
  });

  it('reads an unresolved data binding in inArguments', () => {
    const unresolved = explain(
      makeActivityCall({ payload: { ...RECORDED_EXECUTE_PAYLOAD, inArguments: [{ email: '{{Event.DEAudience-1a2b.EmailAddress}}' }] } }),
    );
    expect(row(unresolved, 'inArguments.0.email').interpretation).toMatch(/^A data binding as written: /);
    expect(row(explanation, 'inArguments.0.smsPhone').interpretation).toBeNull();
  });

  it('shows unknown fields as found, with no warning, and warns about no missing exp', () => {
    const extra = explain(makeActivityCall({ payload: { ...RECORDED_EXECUTE_PAYLOAD, interactionKey: 'welcome-journey' } }));
    expect(row(extra, 'interactionKey')).toMatchObject({ value: 'welcome-journey', documented: false, explanation: UNDOCUMENTED_CLAIM });
    expect(extra.warnings.map((w) => w.code)).toEqual(['WARN_CUSTOM_ACTIVITY_CALL']);
    expect(explanation.warnings.filter((w) => w.severity === 'warning')).toEqual([]);
  });

  it('notes how Journey Builder sends and signs the call, and the copied algorithm bug', () => {
    const note = explanation.warnings.find((w) => w.code === 'WARN_CUSTOM_ACTIVITY_CALL');
    expect(note?.severity).toBe('info');
    expect(note?.message).toContain('"useJwt": true');
    expect(note?.message).toContain('Salt key from Key Management');
    expect(note?.message).toContain("algorithms: ['HS256']");
  });

  it('says what was stripped from a pasted raw request', () => {
    const pasted = explain(rawActivityRequest(makeActivityCall()));
    expect(pasted.kind).toBe('custom-activity');
    expect(pasted.warnings.find((w) => w.code === 'WARN_INPUT_STRIPPED')).toEqual({
      code: 'WARN_INPUT_STRIPPED',
      severity: 'info',
      message:
        'The token was read from what was pasted around it: removed the request line (POST /execute), 3 header lines (Host, Content-Type: application/jwt, Content-Length).',
    });
    expect(explanation.warnings.some((w) => w.code === 'WARN_INPUT_STRIPPED')).toBe(false);
  });
});

describe('explainToken: the SSO JWT access token as Salesforce mocks build it', () => {
  const MC_ACCESS_TOKEN = 'eyJhbGciOiJIUzI1NiIsImtpZCI6IjQiLCJ2ZXIiOiIxIiwidHlwIjoiSldUIn0.eyJhY2Nlc3NfdG9rZW4iOiJ4In0.c2ln';

  async function explainMock(): Promise<TokenExplanation> {
    const jwt = await makeEngagementSsoJwt({
      version: 2,
      extraClaims: { exp: NOW / 1000 + 240, request: { rest: { mcAccessToken: MC_ACCESS_TOKEN, mcAccessTokenExp: 1200 } } },
    });
    return explain(jwt);
  }

  it('explains mcAccessToken as a secret token seen in real tokens, not documented, that the decoder can open', async () => {
    const claim = row(await explainMock(), 'request.rest.mcAccessToken');
    expect(claim).toMatchObject({ value: MC_ACCESS_TOKEN, documented: false, secret: 'token' });
    expect(claim.explanation).toMatch(/^Seen in SSO JWTs as Salesforce's own mocks build them, not on the public claims page: /);
    expect(claim.explanation).toContain('an Engagement access token for this user');
  });

  it('reads mcAccessTokenExp as a lifetime counted like v1 expiresIn', async () => {
    const claim = row(await explainMock(), 'request.rest.mcAccessTokenExp');
    expect(claim.documented).toBe(false);
    expect(claim.explanation).toContain('counted from when the JWT arrives');
    expect(claim.interpretation).toBe(
      '1200 s (20 min) counted from when this JWT was decoded, as it has no iat: ends about 2025-01-15T12:20:00Z (expires in 20 min)',
    );
  });

  it('warns that the JWT carries a live token, and does not call the two paths unknown', async () => {
    const explanation = await explainMock();
    const live = explanation.warnings.find((w) => w.code === 'WARN_LIVE_TOKENS_IN_CLAIMS');
    expect(live).toMatchObject({ severity: 'warning', path: 'request.rest.mcAccessToken' });
    expect(live?.message).toContain('(request.rest.mcAccessToken)');
    expect(explanation.warnings.some((w) => w.code === 'WARN_UNDOCUMENTED_CLAIMS')).toBe(false);
  });

  it('masks the refresh tokens too, but offers none of them to the decoder', async () => {
    const explanation = await explainMock();
    expect(row(explanation, 'request.rest.refreshToken').secret).toBe('credential');
    expect(row(explanation, 'request.user.id').secret).toBeUndefined();
  });
});
