import { useState, type KeyboardEvent, type RefObject } from 'react';

/** One row of the table and its actions (each a `data-action` name), in the order they appear. */
export interface RovingRow {
  id: string;
  actions: readonly string[];
}

/** The props each action button takes: one tab stop for the whole table, the focus remembered as the user moves. */
export interface RovingActions {
  propsOf: (rowId: string, action: string) => { tabIndex: number; 'data-action': string; onFocus: () => void };
  onKeyDown: (event: KeyboardEvent) => void;
}

/**
 * A roving tab stop over the table's action buttons: Tab reaches one button and leaves the table with the next Tab;
 * Left/Right (Home/End) move within a row, Up/Down to the same action of the next row (its nearest one). The table keeps
 * its semantics; each button keeps its own accessible name.
 */
export function useRovingActions(rows: readonly RovingRow[], tableRef: RefObject<HTMLElement | null>): RovingActions {
  const [active, setActive] = useState<{ id: string; action: string } | null>(null);
  const row = rows.find((r) => r.id === active?.id && r.actions.length > 0) ?? rows.find((r) => r.actions.length > 0);
  const current =
    row === undefined
      ? null
      : { id: row.id, action: active !== null && row.actions.includes(active.action) ? active.action : row.actions[0] };

  const focus = (id: string, action: string) => {
    setActive({ id, action });
    const rowElement = [...(tableRef.current?.querySelectorAll<HTMLElement>('[data-profile-id]') ?? [])].find(
      (r) => r.dataset.profileId === id,
    );
    [...(rowElement?.querySelectorAll<HTMLElement>('[data-action]') ?? [])].find((b) => b.dataset.action === action)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement;
    const id = target.closest<HTMLElement>('[data-profile-id]')?.dataset.profileId;
    const action = target.dataset.action;
    const rowIndex = rows.findIndex((r) => r.id === id);
    const here = rows[rowIndex];
    if (here === undefined || action === undefined) return;
    const index = here.actions.indexOf(action);
    const within = (to: number) => here.actions[Math.max(0, Math.min(here.actions.length - 1, to))];
    const step = (by: number) => {
      for (let r = rowIndex + by; r >= 0 && r < rows.length; r += by) {
        const next = rows[r]!;
        if (next.actions.length > 0) return { id: next.id, action: next.actions[Math.min(index, next.actions.length - 1)]! };
      }
      return null;
    };
    const moves: Record<string, () => { id: string; action: string | undefined } | null> = {
      ArrowRight: () => ({ id: here.id, action: within(index + 1) }),
      ArrowLeft: () => ({ id: here.id, action: within(index - 1) }),
      Home: () => ({ id: here.id, action: here.actions[0] }),
      End: () => ({ id: here.id, action: here.actions[here.actions.length - 1] }),
      ArrowDown: () => step(1),
      ArrowUp: () => step(-1),
    };
    const move = moves[event.key];
    if (move === undefined) return;
    event.preventDefault();
    const to = move();
    if (to?.action !== undefined) focus(to.id, to.action);
  };
  return {
    propsOf: (rowId, action) => ({
      tabIndex: current?.id === rowId && current.action === action ? 0 : -1,
      'data-action': action,
      onFocus: () => setActive({ id: rowId, action }),
    }),
    onKeyDown,
  };
}
