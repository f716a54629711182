import { useId, useMemo, useState } from 'react';
import { COMPOSE_ALGORITHMS, isComposeAlgorithm, type ComposeAlgorithm } from '../../shared/compose/compose-algorithms';
import { templateDraft, type ComposeDraft } from '../../shared/compose/compose-draft';
import { parseComposeJson } from '../../shared/compose/compose-json';
import { COMPOSE_TEMPLATES, composeTemplate, type ComposeTemplateId } from '../../shared/compose/compose-templates';
import type { SignedToken } from '../../shared/compose/compose-types';
import { parseDuration } from '../../shared/compose/parse-duration';
import { prepareToken } from '../../shared/compose/prepare-token';
import { toErrorPayload, type ErrorPayload } from '../../shared/errors/workbench-error';
import type { Profile } from '../../shared/profiles/profile';
import { useBridge } from '../bridge/bridge-context';
import { callBridge } from '../bridge/call-bridge';
import { CopyButton } from '../common/copy-button';
import { ErrorMessage } from '../common/error-message';
import { FieldError, fieldAria } from '../common/field-error';
import { NeedsDesktop } from '../common/needs-desktop';
import { Notice } from '../common/notice';
import { ComposeKeyFields } from './compose-key-fields';
import { EMPTY_KEY_ENTRY, keySourceOf, profilesFor, type ComposeKeyEntry } from './compose-key';
import { SendPanel } from './send-panel';

/** Props of {@link ComposeScreen}. */
export interface ComposeScreenProps {
  profiles: readonly Profile[];
  /** A draft from the decoder ("Edit and re-sign"); a new nonce replaces what is being composed. */
  opened?: { draft: ComposeDraft; nonce: number } | null;
  onOpenInDecoder: (token: string) => void;
}

/** What is wrong with one part, or undefined; checked as the user types. */
function problem(check: () => unknown): ErrorPayload | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    return toErrorPayload(error);
  }
}

/** Compose: a template or a decoded token, header and payload checked as you type, a lifetime, a key; signed in the app, then sent. */
export function ComposeScreen({ profiles, opened = null, onOpenInDecoder }: ComposeScreenProps) {
  const bridge = useBridge();
  const id = useId();
  const [draft, setDraft] = useState<ComposeDraft>(() => opened?.draft ?? templateDraft('activity-execute'));
  const [openedNonce, setOpenedNonce] = useState(opened?.nonce ?? 0);
  if (opened !== null && opened.nonce !== openedNonce) {
    setOpenedNonce(opened.nonce);
    setDraft(opened.draft);
  }
  const [key, setKey] = useState<ComposeKeyEntry>(EMPTY_KEY_ENTRY);
  const [signed, setSigned] = useState<{ token: SignedToken; of: ComposeDraft } | null>(null);
  const [signError, setSignError] = useState<ErrorPayload | null>(null);
  const [signing, setSigning] = useState(false);
  const update = (patch: Partial<ComposeDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const headerError = problem(() => prepareToken({ ...draft, payload: '{}', expiresIn: null }, 0));
  const payloadError = problem(() => parseComposeJson(draft.payload, 'payload'));
  const lifetimeError = draft.expiresIn.trim() === '' ? undefined : problem(() => parseDuration(draft.expiresIn));
  const duplicates = useMemo(() => {
    try {
      const { header, payload } = prepareToken({ ...draft, expiresIn: null }, 0).duplicates;
      return [...header, ...payload];
    } catch {
      return [];
    }
  }, [draft]);
  const signingProfiles = profilesFor(draft.alg, profiles);
  const valid = headerError === undefined && payloadError === undefined && lifetimeError === undefined;

  const pickTemplate = (templateId: ComposeTemplateId) => setDraft(templateDraft(templateId));
  const pickAlg = (alg: ComposeAlgorithm) => {
    // The header's alg follows the picker, so the two never disagree.
    const header =
      problem(() => parseComposeJson(draft.header, 'header')) === undefined
        ? JSON.stringify({ ...JSON.parse(draft.header), alg }, null, 2)
        : draft.header;
    update({ alg, header });
    const keepProfile = key.choice === 'profile' && profilesFor(alg, profiles).length > 0;
    setKey((k) => ({ ...k, choice: keepProfile ? 'profile' : alg.startsWith('HS') ? 'secret' : 'pem', profileId: '' }));
  };
  const sign = async () => {
    const source = keySourceOf(key, draft.alg);
    if ('code' in source) return setSignError(source);
    setSigning(true);
    const result = await callBridge(bridge, 'compose:sign', {
      header: draft.header,
      payload: draft.payload,
      alg: draft.alg,
      expiresIn: draft.expiresIn.trim() === '' ? null : draft.expiresIn,
      key: source,
    });
    setSigning(false);
    setSignError(result.ok ? null : result.error);
    setSigned(result.ok ? { token: result.value, of: draft } : null);
  };
  const stale = signed !== null && signed.of !== draft;

  return (
    <div className="screen compose">
      <header className="screen__header">
        <div>
          <h1 className="screen__title" tabIndex={-1}>
            Compose
          </h1>
          <p className="screen__subtitle">
            Build a token, sign it with your secret or key, and send it to your own endpoint as Marketing Cloud would.
          </p>
        </div>
      </header>
      <div className="compose__columns">
        <div className="compose__edit">
          <div className="field">
            <label htmlFor={`${id}-template`}>Template</label>
            <select
              id={`${id}-template`}
              value={draft.templateId}
              aria-describedby={`${id}-template-note`}
              onChange={(e) => pickTemplate(e.target.value as ComposeTemplateId)}
            >
              {COMPOSE_TEMPLATES.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.label}
                </option>
              ))}
            </select>
            <p id={`${id}-template-note`} className="field__help">
              {composeTemplate(draft.templateId).note}
            </p>
          </div>
          <div className="field">
            <label htmlFor={`${id}-payload`}>Payload (JSON)</label>
            <textarea
              id={`${id}-payload`}
              className="mono compose__json"
              rows={14}
              spellCheck={false}
              value={draft.payload}
              onChange={(e) => update({ payload: e.target.value })}
              {...fieldAria(`${id}-payload-error`, payloadError)}
            />
            {payloadError !== undefined && <FieldError id={`${id}-payload-error`} error={payloadError} />}
          </div>
          <div className="field">
            <label htmlFor={`${id}-header`}>Header (JSON)</label>
            <textarea
              id={`${id}-header`}
              className="mono compose__json"
              rows={4}
              spellCheck={false}
              value={draft.header}
              onChange={(e) => update({ header: e.target.value })}
              {...fieldAria(`${id}-header-error`, headerError)}
            />
            {headerError !== undefined && <FieldError id={`${id}-header-error`} error={headerError} />}
          </div>
          {duplicates.length > 0 && (
            <Notice tone="warning" title="Names given twice">
              <p>{duplicates.join(', ')}: the last one is signed; another parser may read the first.</p>
            </Notice>
          )}
        </div>
        <div className="compose__sign">
          <div className="field-row">
            <div className="field">
              <label htmlFor={`${id}-alg`}>Algorithm</label>
              <select id={`${id}-alg`} value={draft.alg} onChange={(e) => isComposeAlgorithm(e.target.value) && pickAlg(e.target.value)}>
                {COMPOSE_ALGORITHMS.map((alg) => (
                  <option key={alg} value={alg}>
                    {alg}
                  </option>
                ))}
              </select>
            </div>
            <div className="field field--grow">
              <label htmlFor={`${id}-lifetime`}>Lifetime (sets iat and exp)</label>
              <input
                id={`${id}-lifetime`}
                value={draft.expiresIn}
                maxLength={20}
                placeholder="none: iat and exp as written"
                onChange={(e) => update({ expiresIn: e.target.value })}
                {...fieldAria(`${id}-lifetime-error`, lifetimeError, `${id}-lifetime-help`)}
              />
              <p id={`${id}-lifetime-help`} className="field__help">
                e.g. 90s, 15m, 1h30m, 2d. Empty keeps iat and exp as the payload has them.
              </p>
              {lifetimeError !== undefined && <FieldError id={`${id}-lifetime-error`} error={lifetimeError} />}
            </div>
          </div>
          <p className="field__help">alg none is never produced: an unsigned token proves nothing.</p>
          <ComposeKeyFields
            alg={draft.alg}
            entry={key}
            onChange={(patch) => setKey((k) => ({ ...k, ...patch }))}
            profiles={signingProfiles}
          />
          {bridge === null ? (
            <NeedsDesktop feature="Signing and sending tokens" />
          ) : (
            <div className="button-row">
              <button type="button" className="button button--primary" disabled={!valid || signing} onClick={() => void sign()}>
                {signing ? 'Signing…' : `Sign ${draft.alg}`}
              </button>
            </div>
          )}
          {signError !== null && <ErrorMessage error={signError} title="Not signed" />}
          {signed !== null && (
            <section className="panel signed-token" aria-label="Signed token">
              <header className="panel__header">
                <h2 className="panel__title">Signed token</h2>
                <span className="panel__note">{signed.token.keyDescription}</span>
              </header>
              <div className="panel__body">
                {stale && <p className="field__warning">Changed since it was signed: sign again to include the changes.</p>}
                <pre className="signed-token__text mono" tabIndex={0} aria-label="Signed token text">
                  {signed.token.token}
                </pre>
                <div className="button-row">
                  <CopyButton text={signed.token.token} label="Copy token" />
                  <button type="button" className="button button--secondary" onClick={() => onOpenInDecoder(signed.token.token)}>
                    Open in decoder
                  </button>
                </div>
              </div>
            </section>
          )}
          {signed !== null && <SendPanel key={signed.token.token} token={signed.token.token} style={signed.of.sendStyle} />}
        </div>
      </div>
    </div>
  );
}
