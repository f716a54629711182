import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { DecodedToken } from '../../shared/decode/decoded-token';
import { createFakeBridge } from '../test-support/fake-bridge';
import { renderWithBridge } from '../test-support/render-with-bridge';
import { makeEngagementAccessToken, makeGenericJwt } from '../test-support/sample-tokens';
import { DecoderScreen } from './decoder-screen';

async function paste(text: string) {
  const user = userEvent.setup();
  await user.click(screen.getByLabelText('Encoded token'));
  await user.paste(text);
  return user;
}

describe('Edit and re-sign (decoder → Compose)', () => {
  it('hands the decoded token over in one click', async () => {
    const onEditAndResign = vi.fn<(token: DecodedToken) => void>();
    renderWithBridge(<DecoderScreen profiles={[]} onEditAndResign={onEditAndResign} />, createFakeBridge().bridge);
    const jwt = makeGenericJwt({ sub: 'x' });
    const user = await paste(jwt);
    await user.click(await screen.findByRole('button', { name: 'Edit and re-sign' }));
    expect(onEditAndResign).toHaveBeenCalledTimes(1);
    expect(onEditAndResign.mock.calls[0]?.[0].compact).toBe(jwt);
  });

  it('is not offered for a four-segment access token, nor without a Compose screen', async () => {
    const { unmount } = renderWithBridge(<DecoderScreen profiles={[]} onEditAndResign={() => undefined} />, createFakeBridge().bridge);
    await paste(makeEngagementAccessToken());
    expect(await screen.findByRole('heading', { name: /four segments/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Edit and re-sign' })).toBeNull();
    unmount();
    renderWithBridge(<DecoderScreen profiles={[]} />, createFakeBridge().bridge);
    await paste(makeGenericJwt({ sub: 'x' }));
    expect(await screen.findByRole('heading', { name: 'JSON Web Token' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Edit and re-sign' })).toBeNull();
  });
});
