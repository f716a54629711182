import { describe, expect, it } from 'vitest';
import { closedPortUrl } from '../../test/support/idp-server';
import { networkError, networkErrorCodes, networkFailureReason } from './network-error';

const withCode = (code: string): Error => Object.assign(new Error('x'), { code });

describe('network errors', () => {
  it('collects codes along the cause chain and inside AggregateErrors', () => {
    const error = new TypeError('fetch failed', { cause: new AggregateError([withCode('ECONNREFUSED'), withCode('EADDRNOTAVAIL')]) });
    expect(networkErrorCodes(error)).toEqual(['ECONNREFUSED', 'EADDRNOTAVAIL']);
    expect(networkErrorCodes('not an error')).toEqual([]);
  });

  it.each([
    ['ECONNREFUSED', 'the connection was refused (nothing is listening there)'],
    ['ECONNRESET', 'the connection was reset before an answer came'],
    ['UND_ERR_SOCKET', 'the connection was reset before an answer came'],
    ['ENOTFOUND', 'the host name could not be resolved (DNS)'],
    ['EAI_AGAIN', 'the host name could not be resolved (DNS)'],
    ['UND_ERR_CONNECT_TIMEOUT', 'the connection timed out'],
    ['EHOSTUNREACH', 'the network or host is unreachable'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'the TLS certificate or handshake was not accepted (a proxy re-signing traffic?)'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'the TLS certificate or handshake was not accepted (a proxy re-signing traffic?)'],
    ['EWHATEVER', 'the request failed before an answer came'],
  ])('%s reads: %s', (code, reason) => {
    expect(networkFailureReason(new TypeError('fetch failed', { cause: withCode(code) }))).toBe(reason);
  });

  it('names the host and keeps the cause', () => {
    const cause = new TypeError('fetch failed', { cause: withCode('ENOTFOUND') });
    const error = networkError('idp.example.com', cause);
    expect(error.code).toBe('ERR_NETWORK');
    expect(error.message).toBe(
      'Could not reach idp.example.com: the host name could not be resolved (DNS). Check the URL, the network or VPN, then try again.',
    );
    expect(error.cause).toBe(cause);
  });

  it('reads a real refused connection from Node fetch', async () => {
    const url = await closedPortUrl();
    const thrown = await fetch(url).catch((error: unknown) => error);
    expect(networkFailureReason(thrown)).toBe('the connection was refused (nothing is listening there)');
  });
});
