// The decoder's Worker: decodes and explains a large pasted token off the main thread, so typing and scrolling stay
// responsive while it works. One request at a time; the page terminates the worker to cancel one (a new paste).
import { decodeTimed } from './decode-input';
import type { DecodeRequest } from './decode-worker-client';
import { replyParts } from './decode-wire';

addEventListener('message', (event: MessageEvent<DecodeRequest>) => {
  const { id, input, decodedAt } = event.data;
  // In parts, so the page reads each in a task of its own (decode-wire).
  for (const part of replyParts(id, decodeTimed(input, decodedAt))) postMessage(part);
});
