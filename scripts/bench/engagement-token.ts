// Figure: the Engagement server-to-server token as the app and the CLI get it (runEngagementFlow over safe-fetch, steps and
// masking included) beside a bare fetch of the same v2/token request, against the local Engagement server (the median
// of each round's ratio; goal ≤ 1.2x).
import { createSafeFetch } from '../../electron/services/net/safe-fetch';
import { runEngagementFlow } from '../../shared/engagement/run-engagement-flow';
import { SAMPLE_PACKAGE, startEngagementServer } from '../../test/support/engagement-server';
import { fmt, median, medianPairRatio, sampleInterleaved } from './measure';

/** Prints median times of our server-to-server token run, the bare fetch, and their ratio. */
export async function benchEngagementToken(runs = 200): Promise<void> {
  const server = await startEngagementServer({ packages: [SAMPLE_PACKAGE] });
  try {
    const safeFetch = createSafeFetch();
    const input = {
      clientId: SAMPLE_PACKAGE.clientId,
      clientSecret: SAMPLE_PACKAGE.clientSecret,
      authUrl: server.authBaseUrl,
      scope: 'email_read',
    };

    const ours = async () => {
      const report = await runEngagementFlow(input, { fetch: safeFetch });
      if (!report.outcome.ok) throw new Error(`flow failed: ${report.outcome.error.code}`);
    };

    // The same run over the plain fetch: separates the flow's own cost from safe-fetch's (redirects by hand, URL checks).
    const oursPlain = async () => {
      const report = await runEngagementFlow(input, { fetch });
      if (!report.outcome.ok) throw new Error(`flow failed: ${report.outcome.error.code}`);
    };

    const bare = async () => {
      const body = JSON.stringify({
        grant_type: 'client_credentials',
        client_id: SAMPLE_PACKAGE.clientId,
        client_secret: SAMPLE_PACKAGE.clientSecret,
        scope: 'email_read',
      });
      const response = await fetch(`${server.authBaseUrl}v2/token`, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', accept: 'application/json' },
      });
      if (!response.ok) throw new Error(`baseline token request failed: ${response.status}`);
      await response.json();
    };

    // Interleaved, so that warm-up, JIT and connection reuse favour neither.
    const samples = await sampleInterleaved([ours, oursPlain, bare], runs);
    const [oursMs, plainMs, bareMs] = samples.map(median) as [number, number, number];
    const [oursRuns, plainRuns, bareRuns] = samples as [number[], number[], number[]];
    console.log(`server-to-server token (ours over safe-fetch, ${runs} runs): median ${fmt(oursMs, 2)} ms`);
    console.log(`bare fetch of the same request (${runs} runs):            median ${fmt(bareMs, 2)} ms`);
    console.log(`  ratio (median of ${runs} rounds): ${fmt(medianPairRatio(oursRuns, bareRuns), 2)}x (goal ≤ 1.2x)`);
    console.log(`  the flow alone over the plain fetch: median ${fmt(plainMs, 2)} ms, ${fmt(medianPairRatio(plainRuns, bareRuns), 2)}x`);
  } finally {
    await server.close();
  }
}
