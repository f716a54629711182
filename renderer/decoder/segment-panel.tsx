import { Suspense, useState } from 'react';
import type { ExplainedClaim } from '../../shared/claims/explained-claim';
import type { JsonObject } from '../../shared/decode/decoded-token';
import { preloadableLazy } from '../common/preloadable-lazy';
import { Tabs } from '../common/tabs';
import { ClaimsTable } from '../claims-widgets/claims-table';

// The JSON view (and its colouring and copy button) is a chunk of its own: most pastes are read as claims.
const jsonChunk = preloadableLazy(async () => (await import('../common/json-view')).JsonView);
const JsonView = jsonChunk.Component;
/** Loads the JSON view's chunk. */
export const preloadJsonView = jsonChunk.preload;

type View = 'claims' | 'json';
const VIEWS = [
  { id: 'claims', label: 'Claims' },
  { id: 'json', label: 'JSON' },
] as const;

/** Props of {@link SegmentPanel}. */
export interface SegmentPanelProps {
  /** "Header" or "Payload". */
  title: string;
  /** The decoded JSON of the segment. */
  json: JsonObject;
  /** Its explained leaves. */
  claims: readonly ExplainedClaim[];
  /** Paths to highlight (warnings point at them). */
  flaggedPaths?: ReadonlySet<string>;
  /** Paths of a spent refresh token. */
  spentPaths?: ReadonlySet<string>;
  /** A short note next to the title (e.g. "8 claims"). */
  note?: string;
}

/** A decoded segment (header or payload) shown as an explained claims table or as pretty JSON. */
export function SegmentPanel({ title, json, claims, flaggedPaths, spentPaths, note }: SegmentPanelProps) {
  const [view, setView] = useState<View>('claims');
  return (
    <section className="panel segment-panel" aria-label={title}>
      <Tabs
        label={`${title} view`}
        tabs={VIEWS}
        selected={view}
        onSelect={setView}
        className="segment-panel__tabs"
        lead={
          <div className="segment-panel__heading">
            <h2 className="panel__title">{title}</h2>
            {note !== undefined && <span className="panel__note">{note}</span>}
          </div>
        }
      >
        {view === 'claims' ? (
          <ClaimsTable claims={claims} caption={`${title} claims`} flaggedPaths={flaggedPaths} spentPaths={spentPaths} />
        ) : (
          <Suspense fallback={<p className="muted">Loading the JSON…</p>}>
            <JsonView value={json} label={`${title} JSON`} />
          </Suspense>
        )}
      </Tabs>
    </section>
  );
}
