import { describe, expect, it } from 'vitest';
import { makeEngagementProfile } from '../test-support/fake-bridge';
import { renderWithBridge } from '../test-support/render-with-bridge';
import { ProfileSecretSummary } from './profile-secret-summary';

describe('ProfileSecretSummary for Engagement profiles', () => {
  it('names the client secret and the signing secret a profile keeps, never their values', () => {
    const both = makeEngagementProfile({ hasSecret: true, secretEncoding: 'hex' });
    const { container, rerender } = renderWithBridge(<ProfileSecretSummary profile={both} />, null);
    expect(container).toHaveTextContent('Client secret · signing secret (hex)');
    rerender(<ProfileSecretSummary profile={{ ...both, hasSecret: false, secretEncoding: null }} />);
    expect(container).toHaveTextContent(/^Client secret$/);
    rerender(<ProfileSecretSummary profile={{ ...both, hasSecret: false, hasClientSecret: false }} />);
    expect(container).toHaveTextContent('Nothing stored');
  });
});
