import { describe, expect, it } from 'vitest';
import { STEP_TITLES, pendingSteps } from './token-steps';

describe('the Intelligence token flow steps', () => {
  it('starts with the three steps pending, in order', () => {
    expect(pendingSteps()).toEqual([
      { id: 'discovery', title: STEP_TITLES.discovery, status: 'pending' },
      { id: 'assertion', title: STEP_TITLES.assertion, status: 'pending' },
      { id: 'token', title: STEP_TITLES.token, status: 'pending' },
    ]);
  });
});
