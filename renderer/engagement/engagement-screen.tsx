import { useId, useMemo, useState } from 'react';
import type { EngagementFlowReport } from '../../shared/engagement/flow-types';
import { pendingEngagementSteps } from '../../shared/engagement/engagement-steps';
import type { Profile } from '../../shared/profiles/profile';
import { useBridge } from '../bridge/bridge-context';
import { NeedsDesktop } from '../common/needs-desktop';
import { REQUEST_TIMEOUT_SECONDS } from '../runs/request-timeout';
import { CancelRunButton } from '../runs/run-progress';
import { ProfilePicker } from '../profile-widgets/profile-picker';
import type { EngagementRunSource } from './engagement-draft';
import { EngagementForm } from './engagement-form';
import { EngagementRunOutput } from './engagement-run-output';
import { useEngagementRun } from '../runs/use-engagement-run';
import { Tabs } from '../common/tabs';
import { WebSignInPanel } from './web-sign-in-panel';

/** The two kinds of API Integration: server-to-server (client credentials), or a web or public app (authorization code). */
const KINDS = [
  { id: 'server', label: 'Server-to-server' },
  { id: 'web', label: 'Web or public app' },
] as const;
type Kind = (typeof KINDS)[number]['id'];

/** Props of {@link EngagementScreen}. */
export interface EngagementScreenProps {
  /** All saved profiles; the Engagement ones are offered in the picker. */
  profiles: readonly Profile[];
  /** The selected Engagement profile, or null for unsaved values. */
  profile: Profile | null;
  /** Changes when the user switches profile (not on save), so the form and the run start over only then. */
  formKey: number;
  /** Switches to a saved profile, or (null) to unsaved values. */
  onSelect: (id: string | null) => void;
  /** After a save, with the stored profile (the app selects it and reloads the list). */
  onSaved: (profile: Profile) => void;
  /** Opens a token in the decoder. */
  onOpenInDecoder: (token: string) => void;
}

/** Engagement credentials: a saved server-to-server profile or unsaved values, then token, who-am-I and SOAP endpoint, step by step. */
export function EngagementScreen({ profiles, profile, formKey, onSelect, onSaved, onOpenInDecoder }: EngagementScreenProps) {
  const bridge = useBridge();
  // Picking a profile (here or with "Use" on Profiles) shows the server-to-server form it belongs to.
  const [tab, setTab] = useState<{ kind: Kind; formKey: number }>({ kind: 'server', formKey });
  const kind = tab.formKey === formKey ? tab.kind : 'server';
  const setKind = (next: Kind) => setTab({ kind: next, formKey });
  // The web sign-in stays mounted once shown (hidden on the other tab): leaving the tab keeps a sign-in under way, whose
  // state and secret main holds for 15 minutes, and what was typed for it.
  const [webShown, setWebShown] = useState(false);
  if (kind === 'web' && !webShown) setWebShown(true);
  const header = (
    <header className="screen__header">
      <div>
        <h1 className="screen__title" tabIndex={-1}>
          Engagement credentials
        </h1>
        <p className="screen__subtitle">
          Test an installed package: a server-to-server token with who-am-I and the SOAP endpoint, or a web or public app&apos;s sign-in.
        </p>
      </div>
    </header>
  );
  return (
    <div className="screen engagement">
      {header}
      {bridge === null ? (
        <NeedsDesktop feature="Testing Engagement credentials" />
      ) : (
        <Tabs label="API Integration type" tabs={KINDS} selected={kind} onSelect={setKind} className="engagement__kinds">
          {kind === 'server' && (
            <>
              <ProfilePicker
                profiles={profiles}
                product="engagement"
                selectedId={profile?.id ?? null}
                onSelect={onSelect}
                newLabel="Unsaved values (test without saving)"
              />
              <EngagementWorkspace key={formKey} profile={profile} onSaved={onSaved} onOpenInDecoder={onOpenInDecoder} />
            </>
          )}
          {webShown && (
            <div hidden={kind !== 'web'}>
              <WebSignInPanel onSaved={onSaved} onOpenInDecoder={onOpenInDecoder} />
            </div>
          )}
        </Tabs>
      )}
    </div>
  );
}

/** The form and the run of one profile (or of unsaved values). "Run again" submits the form: it runs what the form now says. */
function EngagementWorkspace({
  profile,
  onSaved,
  onOpenInDecoder,
}: Pick<EngagementScreenProps, 'profile' | 'onSaved' | 'onOpenInDecoder'>) {
  const formId = useId();
  const initial = useMemo(() => pendingEngagementSteps(true), []);
  const { state, start, cancel } = useEngagementRun<'engagement:token', EngagementFlowReport>('engagement:token', initial);
  // The deadline the last run was started with: a running step shows its time against it.
  const [limitMs, setLimitMs] = useState(REQUEST_TIMEOUT_SECONDS.default * 1000);
  const run = (source: EngagementRunSource, options: { timeoutMs: number; whoami: boolean }) => {
    setLimitMs(options.timeoutMs);
    start({ ...source, ...options }, pendingEngagementSteps(options.whoami));
  };
  const running = state.phase === 'running';

  return (
    <>
      <EngagementForm id={formId} profile={profile} onSaved={onSaved} onRun={run} running={running} />
      <section className="panel token-run" aria-label="Get an access token">
        <header className="panel__header">
          <h2 className="panel__title">Get an access token</h2>
          <div className="panel__actions">
            {running ? (
              <CancelRunButton onCancel={cancel} cancelling={state.cancelling} />
            ) : (
              state.phase === 'done' && (
                <button type="submit" form={formId} className="button button--primary">
                  Run again
                </button>
              )
            )}
          </div>
        </header>
        <div className="panel__body">
          <EngagementRunOutput state={state} onCancel={cancel} limitMs={limitMs} onOpenInDecoder={onOpenInDecoder} />
        </div>
      </section>
    </>
  );
}
