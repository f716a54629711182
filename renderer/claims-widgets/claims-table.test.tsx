import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExplainedClaim } from '../../shared/claims/explained-claim';
import { stubTableLayout } from '../test-support/layout-stubs';
import { ClaimsTable, preloadVirtualTable, VIRTUALIZE_FROM } from './claims-table';

beforeAll(async () => {
  await preloadVirtualTable();
});
stubTableLayout();

function claims(count: number): ExplainedClaim[] {
  return Array.from({ length: count }, (_, i) => ({
    path: `c${String(i).padStart(5, '0')}`,
    value: i,
    explanation: i % 2 === 0 ? 'An even claim.' : 'An odd claim.',
    documented: i !== 7,
    interpretation: null,
  }));
}

function focusedPath(): string | null {
  return document.activeElement?.getAttribute('data-claim-path') ?? null;
}

function renderedRows(table: HTMLElement): HTMLElement[] {
  return [...table.querySelectorAll<HTMLElement>('[data-claim-path]')];
}

describe('ClaimsTable', () => {
  it('puts every row of a short table in the DOM, with no filter (find-in-page sees them all)', () => {
    render(<ClaimsTable claims={claims(VIRTUALIZE_FROM - 1)} caption="Payload claims" />);
    const table = screen.getByRole('table', { name: 'Payload claims' });
    expect(renderedRows(table)).toHaveLength(VIRTUALIZE_FROM - 1);
    expect(table).not.toHaveAttribute('aria-rowcount');
    expect(screen.queryByLabelText('Filter claims')).toBeNull();
  });

  it('renders only the rows in view of a long table, and tells screen readers how many rows there are and where each is', async () => {
    render(<ClaimsTable claims={claims(1_000)} caption="Payload claims" flaggedPaths={new Set(['c00003'])} />);
    const table = await screen.findByRole('table', { name: 'Payload claims' });
    expect(table).toHaveAttribute('aria-rowcount', '1001');
    const rows = renderedRows(table);
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(40);
    expect(within(table).getAllByRole('row')[0]).toHaveAttribute('aria-rowindex', '1');
    expect(within(table).getByRole('columnheader', { name: 'Claim' })).toBeInTheDocument();
    // Each row is named by its claim (the row header), and holds its place among all rows.
    const third = within(table).getByRole('row', { name: /^c00002 2/ });
    expect(third).toHaveAttribute('aria-rowindex', '4');
    expect(within(third).getByRole('rowheader')).toHaveTextContent('c00002');
    expect(within(third).getAllByRole('cell')[1]).toHaveTextContent('An even claim.');
    expect(table.querySelector('[data-claim-path="c00003"]')).toHaveClass('claim-row--flagged');
    expect(table.querySelector('[data-claim-path="c00007"]')).toHaveTextContent('Undocumented');
    // The spacers that hold the place of the other rows are hidden from screen readers.
    const spacer = table.querySelector('.claims-table__spacer');
    expect(spacer).toHaveAttribute('aria-hidden', 'true');
    expect(table.querySelector('[data-claim-path="c00999"]')).toBeNull();
  });

  it('walks every row with the keyboard, one tab stop for the table: arrows, Page Up/Down, Home and End', async () => {
    const count = 150;
    render(<ClaimsTable claims={claims(count)} caption="Payload claims" />);
    const table = await screen.findByRole('table', { name: 'Payload claims' });
    expect(
      renderedRows(table)
        .filter((row) => row.tabIndex === 0)
        .map((row) => row.dataset.claimPath),
    ).toEqual(['c00000']);

    const user = userEvent.setup();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByLabelText('Filter claims'));
    await user.tab();
    expect(focusedPath()).toBe('c00000');
    for (let i = 1; i < count; i++) {
      fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
      expect(focusedPath(), `row ${i}`).toBe(`c${String(i).padStart(5, '0')}`);
      expect(document.activeElement).toHaveAttribute('aria-rowindex', String(i + 2));
    }
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(focusedPath()).toBe('c00149');
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(focusedPath()).toBe('c00000');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    expect(focusedPath()).toBe('c00000');
    fireEvent.keyDown(document.activeElement!, { key: 'PageDown' });
    expect(focusedPath()).toBe('c00010');
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(focusedPath()).toBe('c00149');
    fireEvent.keyDown(document.activeElement!, { key: 'PageUp' });
    expect(focusedPath()).toBe('c00139');
    // Still one tab stop: the row last focused.
    expect(
      renderedRows(table)
        .filter((row) => row.tabIndex === 0)
        .map((row) => row.dataset.claimPath),
    ).toEqual(['c00139']);
  });

  it('filters over all claims, by path, value or meaning, and says how many match', async () => {
    const user = userEvent.setup();
    render(<ClaimsTable claims={claims(1_000)} caption="Payload claims" />);
    const filter = await screen.findByLabelText('Filter claims');
    expect(screen.getByRole('status')).toHaveTextContent('1,000 claims');

    await user.type(filter, 'c00999');
    const table = screen.getByRole('table', { name: 'Payload claims' });
    expect(renderedRows(table).map((row) => row.dataset.claimPath)).toEqual(['c00999']);
    expect(table).toHaveAttribute('aria-rowcount', '2');
    expect(screen.getByRole('status')).toHaveTextContent('1 of 1,000 claims match');

    await user.clear(filter);
    await user.type(filter, 'ODD CLAIM');
    expect(screen.getByRole('status')).toHaveTextContent('500 of 1,000 claims match');
    expect(renderedRows(table).every((row) => row.textContent?.includes('An odd claim.'))).toBe(true);

    await user.clear(filter);
    await user.type(filter, 'nothing like this');
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText('No claim matches “nothing like this”.')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('0 of 1,000 claims match');

    await user.clear(filter);
    await act(async () => {});
    expect(screen.getByRole('table', { name: 'Payload claims' })).toHaveAttribute('aria-rowcount', '1001');
  });
});
