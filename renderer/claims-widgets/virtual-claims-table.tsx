import { defaultRangeExtractor, measureElement, useVirtualizer, type Range, type Virtualizer } from '@tanstack/react-virtual';
import { formatCount } from './format-claim-value';
import { useCallback, useDeferredValue, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import type { ExplainedClaim } from '../../shared/claims/explained-claim';
import { ClaimRow, ClaimsHead } from './claim-row';
import { claimHaystack, filterClaims } from './claim-filter';

/** Props of {@link VirtualClaimsTable}. */
export interface VirtualClaimsTableProps {
  claims: readonly ExplainedClaim[];
  caption: string;
  flaggedPaths?: ReadonlySet<string>;
  spentPaths?: ReadonlySet<string>;
}

/** A row's height before any row is measured, in px; after that, the last measured height stands for the rows not yet seen. */
const ESTIMATED_ROW_PX = 44;
/** Rows rendered beyond each edge of the view, so a scroll shows rows rather than blank space: at about 98 px a row, a screenful. */
const OVERSCAN = 5;
/** How far Page Up / Page Down move the focused row. */
const PAGE_ROWS = 10;

function countText(shown: number, total: number): string {
  if (shown === total) return `${formatCount(total)} claims`;
  return `${formatCount(shown)} of ${formatCount(total)} claims match`;
}

/** The row a key moves the focus to, or null for a key the table leaves alone. */
function nextRow(key: string, at: number, count: number): number | null {
  if (key === 'ArrowDown') return Math.min(at + 1, count - 1);
  if (key === 'ArrowUp') return Math.max(at - 1, 0);
  if (key === 'PageDown') return Math.min(at + PAGE_ROWS, count - 1);
  if (key === 'PageUp') return Math.max(at - PAGE_ROWS, 0);
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}

/**
 * A long claims table that renders only the rows in view (@tanstack/react-virtual), inside a scroll box. It stays a real
 * table for screen readers: aria-rowcount gives the number of rows, each rendered row its aria-rowindex; spacer rows, hidden
 * from them, hold the place of the rest. One row at a time is in the tab order: the arrow keys, Page Up/Down, Home and End
 * move through all rows (the focused one is always rendered), and the filter searches every claim, where find-in-page sees
 * only the rows in view.
 */
export function VirtualClaimsTable({ claims, caption, flaggedPaths, spentPaths }: VirtualClaimsTableProps) {
  const id = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  // Built on the first search only: most tokens are read, not searched.
  const haystacks = useMemo(() => (deferredQuery.trim() === '' ? null : claims.map(claimHaystack)), [claims, deferredQuery]);
  const shown = useMemo(
    () => (haystacks === null ? claims : filterClaims(claims, haystacks, deferredQuery)),
    [claims, haystacks, deferredQuery],
  );
  const [active, setActive] = useState(0);
  const focused = Math.min(active, Math.max(shown.length - 1, 0));
  const wantsFocus = useRef(false);
  // Most rows of a long list are alike: guessing the unseen ones at the height of the last one measured keeps a new row's
  // measurement equal to its guess, and each differing one costs the virtualizer a pass over every row after it.
  const typicalRow = useRef(ESTIMATED_ROW_PX);
  const measureRow = useCallback(
    (element: Element, entry: ResizeObserverEntry | undefined, instance: Virtualizer<HTMLDivElement, Element>) => {
      const size = measureElement(element, entry, instance);
      if (size > 0) typicalRow.current = size;
      return size;
    },
    [],
  );
  // Stable while the rows are: a new key function makes the virtualizer recompute the place of every row.
  const itemKey = useCallback((index: number) => shown[index]?.path ?? index, [shown]);
  const estimateSize = useCallback(() => typicalRow.current, []);
  const count = useMemo(() => countText(shown.length, claims.length), [shown.length, claims.length]);

  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (focused < range.count && !indexes.includes(focused)) indexes.push(focused);
      return indexes.sort((a, b) => a - b);
    },
    [focused],
  );
  // eslint-disable-next-line react-hooks/incompatible-library -- the build has no React Compiler; the virtualizer re-renders this table itself.
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    measureElement: measureRow,
    getItemKey: itemKey,
    overscan: OVERSCAN,
    rangeExtractor,
  });
  const items = virtualizer.getVirtualItems();

  useEffect(() => {
    if (!wantsFocus.current) return;
    wantsFocus.current = false;
    bodyRef.current?.querySelector<HTMLElement>(`tr[data-index="${focused}"]`)?.focus({ preventScroll: true });
  }, [focused, items]);

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const next = nextRow(event.key, focused, shown.length);
    if (next === null || shown.length === 0) return;
    event.preventDefault();
    wantsFocus.current = true;
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  // Spacers stand for the rows above and below the rendered ones (the rendered rows may skip to the focused row).
  const total = virtualizer.getTotalSize();
  const first = items[0];
  const last = items[items.length - 1];
  const before = first?.start ?? 0;
  const after = last === undefined ? 0 : total - last.end;
  const rows: ReactElement[] = [];
  let previousEnd = before;
  for (const item of items) {
    const claim = shown[item.index]!;
    if (item.start > previousEnd + 1) rows.push(<Spacer key={`gap-${item.index}`} height={item.start - previousEnd} />);
    rows.push(
      <ClaimRow
        key={item.key}
        ref={virtualizer.measureElement}
        claim={claim}
        flagged={flaggedPaths?.has(claim.path) ?? false}
        spent={spentPaths?.has(claim.path) ?? false}
        dataIndex={item.index}
        rowIndex={item.index + 2}
        tabIndex={item.index === focused ? 0 : -1}
      />,
    );
    previousEnd = item.end;
  }

  return (
    <div className="claims-virtual">
      <div className="claims-filter" role="search">
        <label htmlFor={`${id}-filter`}>Filter claims</label>
        <input
          id={`${id}-filter`}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder="Path, value or meaning"
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${id}-count`}
        />
        <span id={`${id}-count`} className="claims-filter__count muted" role="status">
          {count}
        </span>
      </div>
      <div className="claims-scroll" ref={scrollRef}>
        {shown.length === 0 ? (
          <p className="muted claims-filter__none">No claim matches “{deferredQuery.trim()}”.</p>
        ) : (
          <table className="claims-table" aria-rowcount={shown.length + 1}>
            <caption className="visually-hidden">{caption}</caption>
            <ClaimsHead rowIndex={1} />
            <tbody ref={bodyRef} onKeyDown={onKeyDown}>
              {before > 0 && <Spacer height={before} />}
              {rows}
              {after > 0 && <Spacer height={after} />}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}

/** Holds the place of rows that are not rendered; hidden from screen readers, which count rows by aria-rowcount. */
function Spacer({ height }: { height: number }) {
  return (
    <tr className="claims-table__spacer" aria-hidden="true" style={{ height }}>
      <td colSpan={3} />
    </tr>
  );
}
