import { useEffect, useMemo, useState } from 'react';
import type { DecodedToken } from '../../shared/decode/decoded-token';
import type { WorkbenchBridge } from '../../shared/ipc/ipc-contract';
import type { VerificationResult } from '../../shared/verify/verification';
import { verifySignature } from '../../shared/verify/verify-signature';
import { callBridge } from '../bridge/call-bridge';
import { verificationKeyOf, type KeyEntry } from './key-source';

/** The signature check as the panel shows it: in progress, or its result. */
export type SignatureCheck = { phase: 'checking'; alg: string | null } | { phase: 'done'; result: VerificationResult };

interface CheckRequest {
  token: DecodedToken;
  entry: KeyEntry;
  bridge: WorkbenchBridge | null;
}

function algOf(token: DecodedToken): string | null {
  return typeof token.header.alg === 'string' ? token.header.alg : null;
}

async function runCheck({ token, entry, bridge }: CheckRequest): Promise<VerificationResult> {
  if (entry.source !== 'profile') return verifySignature(token, verificationKeyOf(entry));
  if (entry.profileId === '') return verifySignature(token, null);
  const reply = await callBridge(bridge, 'verify:with-profile', { profileId: entry.profileId, token: token.compact });
  return reply.ok ? reply.value : { status: 'unchecked', alg: algOf(token), error: reply.error };
}

const CHECK_FAILED = { code: 'ERR_INTERNAL', message: 'The signature could not be checked. Try again.' } as const;

/** Verifies the token's signature whenever the token or the entered key changes; results of stale inputs are dropped. */
export function useSignatureCheck(token: DecodedToken, entry: KeyEntry, bridge: WorkbenchBridge | null): SignatureCheck {
  const { source, secret, encoding, pem, jwk, profileId } = entry;
  const request = useMemo<CheckRequest>(
    () => ({ token, entry: { source, secret, encoding, pem, jwk, profileId }, bridge }),
    [token, source, secret, encoding, pem, jwk, profileId, bridge],
  );
  const [done, setDone] = useState<{ request: CheckRequest; result: VerificationResult } | null>(null);
  useEffect(() => {
    let current = true;
    runCheck(request).then(
      (result) => current && setDone({ request, result }),
      () => current && setDone({ request, result: { status: 'unchecked', alg: algOf(request.token), error: { ...CHECK_FAILED } } }),
    );
    return () => {
      current = false;
    };
  }, [request]);
  return done !== null && done.request === request ? { phase: 'done', result: done.result } : { phase: 'checking', alg: algOf(token) };
}
