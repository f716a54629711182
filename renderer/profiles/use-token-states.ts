import { useCallback, useEffect, useState } from 'react';
import type { ProfilesListing, TokenCacheState } from '../../shared/ipc/ipc-contract';
import { callBridge } from '../bridge/call-bridge';
import { useBridge } from '../bridge/bridge-context';

/**
 * The cached-token state of each listed profile, asked again whenever the listing changes (a save or delete drops a
 * token) and on `reload()` (after "Copy token"). A failed ask shows no state rather than a wrong one.
 */
export function useTokenStates(listing: ProfilesListing | null): {
  states: Readonly<Record<string, TokenCacheState>>;
  reload: () => void;
} {
  const bridge = useBridge();
  const [states, setStates] = useState<Readonly<Record<string, TokenCacheState>>>({});
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (bridge === null || listing === null || listing.profiles.length === 0) return undefined;
    let current = true;
    void callBridge(bridge, 'profiles:token-states', null).then((reply) => {
      if (current) setStates(reply.ok ? reply.value : {});
    });
    return () => {
      current = false;
    };
  }, [bridge, listing, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { states, reload };
}
