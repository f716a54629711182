/** Adds jest-dom matchers (toBeInTheDocument, …) to vitest's expect for component tests. */
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// vitest runs without globals, so Testing Library cannot register its own cleanup: unmount after every test.
afterEach(cleanup);

// In vitest's jsdom environment the global Uint8Array is jsdom's while TextEncoder is Node's, so encoded bytes fail
// `instanceof Uint8Array` checks (jose refuses them as HMAC keys). Re-wrap them in the global Uint8Array, as in a browser.
const NodeTextEncoder = globalThis.TextEncoder;
if (!(new NodeTextEncoder().encode('') instanceof Uint8Array)) {
  globalThis.TextEncoder = class extends NodeTextEncoder {
    override encode(input?: string): Uint8Array<ArrayBuffer> {
      return new Uint8Array(super.encode(input));
    }
  };
}
