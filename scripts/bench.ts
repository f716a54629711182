// `npm run bench`: prints the project's speed and size figures (never asserted in tests).
import { benchCoreDecode } from './bench/core-decode';
import { benchTokenExchange } from './bench/token-exchange';
import { benchEngagementToken } from './bench/engagement-token';
import { benchBundleSize } from './bench/bundle-size';
import { benchCliStartup } from './bench/cli-startup';
import { benchCliTokenCached } from './bench/cli-token-cached';
import { benchBrowser } from './bench/browser';

const sections: Array<[string, () => unknown]> = [
  ['Decode + explain (shared core)', benchCoreDecode],
  ['Intelligence token exchange (local identity provider on 127.0.0.1)', benchTokenExchange],
  ['Engagement server-to-server token (local Engagement server on 127.0.0.1)', benchEngagementToken],
  ['Renderer bundle size', benchBundleSize],
  ['mctoken start-up', benchCliStartup],
  ['mctoken token --profile with a cached token (throwaway keychain entry)', benchCliTokenCached],
  ['Decoder in the browser (Debian Chromium, built renderer)', benchBrowser],
];

for (const [title, run] of sections) {
  console.log(`\n## ${title}`);
  await run();
}
