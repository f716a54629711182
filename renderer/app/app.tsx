import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Profile } from '../../shared/profiles/profile';
import { ScreenErrorBoundary } from '../common/error-boundary';
import { CredentialsScreen } from '../credentials/credentials-screen';
import { DecoderScreen } from '../decoder/decoder-screen';
import { EngagementScreen } from '../engagement/engagement-screen';
import { useBridgeQuery } from '../hooks/use-bridge-query';
import { ProfilesScreen } from '../profiles/profiles-screen';
import { KeychainBanner } from './keychain-banner';
import type { ScreenId } from './screens';
import { SideNav } from './side-nav';

/** Which Intelligence profile the credentials screen shows; `formKey` changes only when the user switches. */
interface Selection {
  id: string | null;
  formKey: number;
  /** The last saved version, used until the reloaded list has it. */
  saved: Profile | null;
}

/** The workbench UI: side navigation, the keychain banner, and the Decoder, Intelligence credentials and Profiles screens. */
export function App() {
  const [screen, setScreen] = useState<ScreenId>('decoder');
  const [selection, setSelection] = useState<Selection>({ id: null, formKey: 0, saved: null });
  const [opened, setOpened] = useState<{ token: string; nonce: number; at: number } | null>(null);
  const openInDecoder = useCallback((token: string) => {
    setOpened((o) => ({ token, nonce: (o?.nonce ?? 0) + 1, at: Date.now() }));
    setScreen('decoder');
  }, []);
  // Bumped by "Use" on the profiles screen: the focus follows the user to the credentials screen's title.
  const [focusTitle, setFocusTitle] = useState(0);
  useEffect(() => {
    if (focusTitle > 0) document.querySelector<HTMLElement>('.app__screen:not([hidden]) .screen__title')?.focus();
  }, [focusTitle]);
  const toDecoder = { label: 'Go to the Decoder', onClick: () => setScreen('decoder') };
  const { state: appInfo } = useBridgeQuery('app:info');
  const { state: listing, reload } = useBridgeQuery('profiles:list');
  const profiles = useMemo(() => (listing.status === 'ok' ? listing.value.profiles : []), [listing]);
  const selected = useMemo(() => {
    if (selection.id === null) return null;
    return profiles.find((p) => p.id === selection.id) ?? (selection.saved?.id === selection.id ? selection.saved : null);
  }, [profiles, selection]);

  const select = useCallback((id: string | null) => setSelection((s) => ({ id, formKey: s.formKey + 1, saved: null })), []);
  const onSaved = useCallback(
    (profile: Profile) => {
      setSelection((s) => (profile.product === 'intelligence' ? { ...s, id: profile.id, saved: profile } : s));
      reload();
    },
    [reload],
  );
  const onChanged = useCallback(
    (change: { deletedId?: string; saved?: Profile }) => {
      if (change.deletedId !== undefined && change.deletedId === selection.id) select(null);
      reload();
    },
    [reload, select, selection.id],
  );

  return (
    <div className="app">
      <SideNav current={screen} onSelect={setScreen} version={appInfo.status === 'ok' ? appInfo.value.version : null} />
      <main className="app__main">
        <KeychainBanner appInfo={appInfo} />
        <div hidden={screen !== 'decoder'} className="app__screen">
          <ScreenErrorBoundary screen="Decoder">
            <DecoderScreen profiles={profiles} opened={opened} />
          </ScreenErrorBoundary>
        </div>
        <div hidden={screen !== 'credentials'} className="app__screen">
          <ScreenErrorBoundary screen="Intelligence credentials" back={toDecoder}>
            <CredentialsScreen profile={selected} formKey={selection.formKey} onSaved={onSaved} onNew={() => select(null)} />
          </ScreenErrorBoundary>
        </div>
        <div hidden={screen !== 'engagement'} className="app__screen">
          <ScreenErrorBoundary screen="Engagement credentials" back={toDecoder}>
            <EngagementScreen profiles={profiles} onSaved={reload} onOpenInDecoder={openInDecoder} />
          </ScreenErrorBoundary>
        </div>
        <div hidden={screen !== 'profiles'} className="app__screen">
          <ScreenErrorBoundary screen="Profiles" back={toDecoder}>
            <ProfilesScreen
              listing={listing}
              selectedId={selection.id}
              onReload={reload}
              onChanged={onChanged}
              onUse={(profile) => {
                select(profile.id);
                setScreen('credentials');
                setFocusTitle((n) => n + 1);
              }}
            />
          </ScreenErrorBoundary>
        </div>
      </main>
    </div>
  );
}
