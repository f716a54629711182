// Figure: our sign + exchange against the local identity provider, beside a bare jose sign plus one fetch
// (the median of each round's ratio; goal ≤ 1.2x), and the whole three-step flow (discovery included) for reference.
import { randomUUID } from 'node:crypto';
import { importPKCS8, SignJWT } from 'jose';
import { ASSERTION_HEADER, buildAssertionClaims } from '../../shared/intelligence/assertion-claims';
import { preflightAssertion } from '../../shared/intelligence/preflight';
import { signAssertion } from '../../shared/intelligence/sign-assertion';
import { exchangeToken, tokenRequestParams, CLIENT_ASSERTION_TYPE } from '../../shared/intelligence/token-exchange';
import { INTELLIGENCE_AUDIENCE } from '../../shared/decode/intelligence-audience';
import { runTokenFlow } from '../../shared/intelligence/run-token-flow';
import { startIdpServer } from '../../test/support/idp-server';
import { testKeyPair } from '../../test/support/test-keys';
import { fmt, median, medianPairRatio, sampleInterleaved } from './measure';

/** Prints median times of our sign+exchange, the bare baseline, their ratio, and the full flow. */
export async function benchTokenExchange(runs = 60): Promise<void> {
  const clientId = 'bench-service-account';
  const keys = testKeyPair('bench');
  const server = await startIdpServer({ clients: { [clientId]: keys.publicPem } });
  try {
    const key = await importPKCS8(keys.pkcs8Pem, 'RS256');
    const tokenUrl = new URL(server.tokenUrl('us1'));
    const net = { fetch };

    const ours = async () => {
      const claims = buildAssertionClaims(clientId, Date.now(), randomUUID);
      preflightAssertion({ ...ASSERTION_HEADER }, { ...claims }, clientId);
      const assertion = await signAssertion(ASSERTION_HEADER, claims, key);
      await exchangeToken(tokenUrl, tokenRequestParams(clientId, assertion), 'form', net);
    };

    const bare = async () => {
      const now = Math.floor(Date.now() / 1000);
      const jti = randomUUID().replace(/-/g, '');
      const assertion = await new SignJWT({ jti })
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
        .setIssuer(clientId)
        .setSubject(clientId)
        .setAudience(INTELLIGENCE_AUDIENCE)
        .setIssuedAt(now)
        .sign(key);
      const body = new URLSearchParams({
        grant_type: 'client_credentials',
        client_assertion: assertion,
        client_id: clientId,
        client_assertion_type: CLIENT_ASSERTION_TYPE,
      });
      const response = await fetch(tokenUrl, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      if (!response.ok) throw new Error(`baseline token request failed: ${response.status}`);
      await response.json();
    };

    const flow = async () => {
      const report = await runTokenFlow({ clientId, discoveryUrl: server.discoveryUrl('us1'), privateKey: key }, { fetch });
      if (!report.outcome.ok) throw new Error(`flow failed: ${report.outcome.error.code}`);
    };

    // Interleaved, so that warm-up, JIT and connection reuse favour none of the three.
    const samples = await sampleInterleaved([ours, bare, flow], runs);
    const [oursMs, bareMs, flowMs] = samples.map(median) as [number, number, number];
    const [oursRuns, bareRuns] = samples as [number[], number[], number[]];

    console.log(`sign + exchange (ours, ${runs} runs):        median ${fmt(oursMs, 2)} ms`);
    console.log(`bare jose sign + one fetch (${runs} runs):   median ${fmt(bareMs, 2)} ms`);
    console.log(`  ratio (median of ${runs} rounds): ${fmt(medianPairRatio(oursRuns, bareRuns), 2)}x (goal ≤ 1.2x)`);
    console.log(`full flow incl. discovery (${runs} runs):    median ${fmt(flowMs, 2)} ms`);
  } finally {
    await server.close();
  }
}
