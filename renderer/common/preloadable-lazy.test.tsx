import { render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { preloadableLazy, whenIdle } from './preloadable-lazy';

const Hello = () => <p>hello</p>;

afterEach(() => {
  vi.useRealTimers();
});

describe('preloadableLazy', () => {
  it('loads once; once preloaded, the component renders without suspending', async () => {
    const load = vi.fn(async () => Hello);
    const chunk = preloadableLazy(load);
    await Promise.all([chunk.preload(), chunk.preload()]);
    render(
      <Suspense fallback={<p>loading</p>}>
        <chunk.Component />
      </Suspense>,
    );
    expect(screen.getByText('hello')).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('does not keep a failed load: the next preload loads it again', async () => {
    const load = vi.fn().mockRejectedValueOnce(new Error('chunk missing')).mockResolvedValue(Hello);
    const chunk = preloadableLazy<object>(load);
    await expect(chunk.preload()).rejects.toThrow('chunk missing');
    await expect(chunk.preload()).resolves.toBe(Hello);
    expect(load).toHaveBeenCalledTimes(2);
  });
});

describe('whenIdle', () => {
  it('runs the preload once the page is idle and handles its rejection; once cancelled it runs nothing', async () => {
    vi.useFakeTimers();
    const handled = vi.fn();
    const failing = vi.fn(() => {
      const rejected = Promise.reject(new Error('chunk missing'));
      const onCatch = rejected.catch.bind(rejected);
      // Records the handler the caller attaches, then attaches it.
      rejected.catch = (onRejected) => (handled(), onCatch(onRejected));
      return rejected;
    });
    whenIdle(failing);
    const cancelled = vi.fn(async () => undefined);
    whenIdle(cancelled)();
    expect(failing).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(failing).toHaveBeenCalledTimes(1);
    expect(handled).toHaveBeenCalledTimes(1);
    expect(cancelled).not.toHaveBeenCalled();
  });
});
