import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Profile } from '../../shared/profiles/profile';
import type { ComposeDraft } from '../../shared/compose/compose-draft';
import type { DecodedToken } from '../../shared/decode/decoded-token';
import { ScreenErrorBoundary } from '../common/error-boundary';
import { DecoderScreen } from '../decoder/decoder-screen';
import { useBridgeQuery } from '../hooks/use-bridge-query';
import { useProfileSelection } from '../profiles/use-profile-selection';
import { KeychainBanner } from './keychain-banner';
import { whenIdle } from '../common/preloadable-lazy';
import { ComposeScreen, CredentialsScreen, EngagementScreen, LazyScreenSlot, ProfilesScreen, preloadScreens } from './lazy-screens';
import type { ScreenId } from './screens';
import { SideNav } from './side-nav';

/** The workbench UI: side navigation, the keychain banner, and the Decoder, Intelligence, Engagement and Profiles screens. */
export function App() {
  const [screen, setScreen] = useState<ScreenId>('decoder');
  // A screen other than the decoder mounts when first shown (its chunk loads then, or at idle), and stays mounted after.
  const [shown, setShown] = useState<ReadonlySet<ScreenId>>(() => new Set(['decoder']));
  if (!shown.has(screen)) setShown(new Set([...shown, screen]));
  const [opened, setOpened] = useState<{ token: string; nonce: number; at: number } | null>(null);
  const openInDecoder = useCallback((token: string) => {
    setOpened((o) => ({ token, nonce: (o?.nonce ?? 0) + 1, at: Date.now() }));
    setScreen('decoder');
  }, []);
  // "Edit and re-sign" in the decoder: the decoded token opens in Compose, once per nonce.
  const [composeOpened, setComposeOpened] = useState<{ draft: ComposeDraft; nonce: number } | null>(null);
  const editAndResign = useCallback((token: DecodedToken) => {
    // Compose's templates come with its chunk, not the decoder's.
    // A chunk that cannot load leaves the decoder as it is; opening Compose then shows why in its screen's boundary.
    void import('../../shared/compose/compose-draft').then(
      ({ draftOfDecoded }) => {
        const draft = draftOfDecoded(token);
        if (draft === null) return;
        setComposeOpened((o) => ({ draft, nonce: (o?.nonce ?? 0) + 1 }));
        setScreen('compose');
      },
      () => undefined,
    );
  }, []);
  // Bumped by "Use" on the profiles screen: the focus follows the user to the credentials screen's title.
  const [focusTitle, setFocusTitle] = useState(0);
  useEffect(() => {
    if (focusTitle > 0) document.querySelector<HTMLElement>('.app__screen:not([hidden]) .screen__title')?.focus();
  }, [focusTitle]);
  useEffect(() => whenIdle(preloadScreens), []);
  const toDecoder = { label: 'Go to the Decoder', onClick: () => setScreen('decoder') };
  const { state: appInfo } = useBridgeQuery('app:info');
  const { state: listing, reload } = useBridgeQuery('profiles:list');
  const profiles = useMemo(() => (listing.status === 'ok' ? listing.value.profiles : []), [listing]);
  // Which profile each credentials screen shows: held here so "Use" on Profiles can set it.
  const intelligence = useProfileSelection(profiles, 'intelligence');
  const engagement = useProfileSelection(profiles, 'engagement');
  const { saved: intelligenceSaved, deleted: intelligenceDeleted } = intelligence;
  const { saved: engagementSaved, deleted: engagementDeleted } = engagement;
  const onSaved = useCallback(
    (profile: Profile) => {
      (profile.product === 'intelligence' ? intelligenceSaved : engagementSaved)(profile);
      reload();
    },
    [reload, intelligenceSaved, engagementSaved],
  );
  const onChanged = useCallback(
    (change: { deletedId?: string; saved?: Profile }) => {
      if (change.deletedId !== undefined) {
        intelligenceDeleted(change.deletedId);
        engagementDeleted(change.deletedId);
      }
      reload();
    },
    [reload, intelligenceDeleted, engagementDeleted],
  );

  return (
    <div className="app">
      <SideNav current={screen} onSelect={setScreen} version={appInfo.status === 'ok' ? appInfo.value.version : null} />
      <main className="app__main">
        <KeychainBanner appInfo={appInfo} />
        <div hidden={screen !== 'decoder'} className="app__screen">
          <ScreenErrorBoundary screen="Decoder">
            <DecoderScreen profiles={profiles} opened={opened} onEditAndResign={editAndResign} />
          </ScreenErrorBoundary>
        </div>
        <LazyScreenSlot screen="Compose" current={screen === 'compose'} shown={shown.has('compose')} back={toDecoder}>
          <ComposeScreen profiles={profiles} opened={composeOpened} onOpenInDecoder={openInDecoder} />
        </LazyScreenSlot>
        <LazyScreenSlot
          screen="Intelligence credentials"
          current={screen === 'credentials'}
          shown={shown.has('credentials')}
          back={toDecoder}
        >
          <CredentialsScreen
            profiles={profiles}
            profile={intelligence.profile}
            formKey={intelligence.formKey}
            onSaved={onSaved}
            onSelect={intelligence.select}
          />
        </LazyScreenSlot>
        <LazyScreenSlot screen="Engagement credentials" current={screen === 'engagement'} shown={shown.has('engagement')} back={toDecoder}>
          <EngagementScreen
            profiles={profiles}
            profile={engagement.profile}
            formKey={engagement.formKey}
            onSaved={onSaved}
            onSelect={engagement.select}
            onOpenInDecoder={openInDecoder}
          />
        </LazyScreenSlot>
        <LazyScreenSlot screen="Profiles" current={screen === 'profiles'} shown={shown.has('profiles')} back={toDecoder}>
          <ProfilesScreen
            listing={listing}
            selectedIds={[intelligence.id, engagement.id]}
            onReload={reload}
            onChanged={onChanged}
            onUse={(profile) => {
              (profile.product === 'intelligence' ? intelligence : engagement).select(profile.id);
              setScreen(profile.product === 'intelligence' ? 'credentials' : 'engagement');
              setFocusTitle((n) => n + 1);
            }}
          />
        </LazyScreenSlot>
      </main>
    </div>
  );
}
