import { createEvent, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { LARGE_INPUT_CHARS, TokenInput } from './token-input';

/** The input as the decoder holds it: its value in state, every change also reported to `seen`. */
function Harness({ initial, seen }: { initial: string; seen: (value: string) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <TokenInput
      value={value}
      onChange={(next) => {
        seen(next);
        setValue(next);
      }}
    />
  );
}

const large = `eyJhbGciOiJIUzI1NiJ9.${'A'.repeat(LARGE_INPUT_CHARS)}.sig`;

/** Fires a paste of `text` at the textarea; returns whether the textarea's own insertion was prevented. */
function paste(area: HTMLElement, text: string): boolean {
  const event = createEvent.paste(area, { clipboardData: { getData: (type: string) => (type === 'text/plain' ? text : '') } });
  fireEvent(area, event);
  return event.defaultPrevented;
}

describe('TokenInput with a large token', () => {
  it('keeps a large token out of the textarea: its start is shown, the empty box says it replaces it, and its note describes the box', () => {
    render(<Harness initial={large} seen={() => {}} />);
    const area = screen.getByLabelText('Encoded token');
    expect(area).toHaveValue('');
    expect(area).toHaveAccessibleDescription(/too long to edit here without slowing the page/);
    expect(area).toHaveAttribute('placeholder', 'Paste or type a token to replace this one');
    expect(screen.getByText(/^eyJhbGciOiJIUzI1NiJ9\.A+…$/)).toBeInTheDocument();
    expect(screen.queryByTestId('token-mirror')).toBeNull();
    expect(screen.getByText(`${new Intl.NumberFormat().format(large.length)} chars · 3 segments`)).toBeInTheDocument();
  });

  it('puts the text in the textarea, focused, on "Edit the text"; typing then edits the token', async () => {
    const seen = vi.fn();
    const user = userEvent.setup();
    render(<Harness initial={large} seen={seen} />);
    await user.click(screen.getByRole('button', { name: 'Edit the text' }));
    const area = screen.getByLabelText<HTMLTextAreaElement>('Encoded token');
    expect(area).toHaveValue(large);
    expect(area).toHaveFocus();
    fireEvent.change(area, { target: { value: `${large}x` } });
    expect(seen).toHaveBeenLastCalledWith(`${large}x`);
    expect(screen.queryByRole('button', { name: 'Edit the text' })).toBeNull();
  });

  it('replaces the token with what is typed in the empty box', async () => {
    const seen = vi.fn();
    render(<Harness initial={large} seen={seen} />);
    await userEvent.setup().type(screen.getByLabelText('Encoded token'), 'e');
    expect(seen).toHaveBeenLastCalledWith('e');
    expect(screen.getByLabelText('Encoded token')).toHaveValue('e');
  });

  it('hands a large paste to the decoder without inserting it into the textarea; a small paste goes in as usual', () => {
    const seen = vi.fn();
    render(<Harness initial="" seen={seen} />);
    const area = screen.getByLabelText('Encoded token');
    expect(paste(area, 'eyJ.small.sig')).toBe(false);
    expect(seen).not.toHaveBeenCalled();
    expect(paste(area, large)).toBe(true);
    expect(seen).toHaveBeenLastCalledWith(large);
    expect(screen.getByLabelText('Encoded token')).toHaveValue('');
    // A second large paste into the box that holds the first replaces it.
    const other = `${large}B`;
    expect(paste(screen.getByLabelText('Encoded token'), other)).toBe(true);
    expect(seen).toHaveBeenLastCalledWith(other);
  });
});
