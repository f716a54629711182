import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** A component loaded as a chunk of its own, and a way to start loading it before it is first rendered. */
export interface PreloadableLazy<P> {
  Component: LazyExoticComponent<ComponentType<P>>;
  /** Starts loading the chunk (once); later renders of Component then never suspend. */
  preload: () => Promise<unknown>;
}

/**
 * React.lazy with a preload. Once the chunk is in, lazy is handed a thenable that resolves at once (React reads it in the
 * same render), so a screen preloaded while the user looks at the decoder shows without a loading frame.
 */
export function preloadableLazy<P>(load: () => Promise<ComponentType<P>>): PreloadableLazy<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const preload = () =>
    (pending ??= load().then((component) => {
      loaded = component;
      return component;
    }));
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

/** Runs `task` when the browser is idle after the first paint (soon after, where there is no requestIdleCallback). */
export function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(task, { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(task, 200);
  return () => clearTimeout(id);
}
