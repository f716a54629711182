import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** A component loaded as a chunk of its own, and a way to start loading it before it is first rendered. */
export interface PreloadableLazy<P> {
  Component: LazyExoticComponent<ComponentType<P>>;
  /** Starts loading the chunk (once); later renders of Component then never suspend. */
  preload: () => Promise<unknown>;
}

/**
 * `load`, run once for every caller: its promise is shared while it runs and kept once it resolves. A failed load is not
 * kept, so the next call (a render, a preload) tries again rather than failing for the page's whole life.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () =>
    (pending ??= load().catch((error: unknown) => {
      pending = null;
      throw error;
    }));
}

/**
 * React.lazy with a preload. Once the chunk is in, lazy is handed a thenable that resolves at once (React reads it in the
 * same render), so a screen preloaded while the user looks at the decoder shows without a loading frame.
 */
export function preloadableLazy<P>(load: () => Promise<ComponentType<P>>): PreloadableLazy<P> {
  let loaded: ComponentType<P> | null = null;
  const preload = loadOnce(async () => (loaded = await load()));
  const Component = lazy<ComponentType<P>>(() => {
    const ready = loaded;
    if (ready !== null)
      return { then: (resolve: (m: { default: ComponentType<P> }) => void) => resolve({ default: ready }) } as PromiseLike<{
        default: ComponentType<P>;
      }> as Promise<{ default: ComponentType<P> }>;
    return preload().then((component) => ({ default: component }));
  });
  return { Component, preload };
}

/**
 * Runs `preload` when the browser is idle after the first paint (soon after, where there is no requestIdleCallback). A
 * preload that fails is no error of its own: the chunk is loaded again when it is first rendered, and its failure shown
 * there, so its rejection is dropped here rather than left unhandled.
 */
export function whenIdle(preload: () => Promise<unknown>): () => void {
  const task = () => void preload().catch(() => undefined);
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(task, { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(task, 200);
  return () => clearTimeout(id);
}
