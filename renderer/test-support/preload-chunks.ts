import { preloadScreens } from '../app/lazy-screens';
import { preloadDecoderPanels } from '../decoder/decoder-screen';

/**
 * Loads every lazy chunk (the screens besides the decoder, the decoder's signature and refresh panels) before a test
 * renders, as the app does while the decoder is idle; lazy-screens.test.tsx covers the moment before a chunk is in.
 */
export function preloadChunks(): Promise<unknown> {
  return Promise.all([preloadScreens(), preloadDecoderPanels()]);
}
