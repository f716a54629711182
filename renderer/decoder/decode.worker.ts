// The decoder's Worker: decodes and explains a large pasted token off the main thread, so typing and scrolling stay
// responsive while it works. One request at a time; the page terminates the worker to cancel one (a new paste).
import { decodeTimed } from './decode-input';
import type { DecodeRequest, DecodeReply } from './decode-worker-client';

addEventListener('message', (event: MessageEvent<DecodeRequest>) => {
  const { id, input, decodedAt } = event.data;
  const reply: DecodeReply = { id, decoded: decodeTimed(input, decodedAt) };
  postMessage(reply);
});
