import { Component, type ErrorInfo, type ReactNode } from 'react';

/** Props of {@link ScreenErrorBoundary}. */
export interface ScreenErrorBoundaryProps {
  /** The screen's name, as the navigation shows it. */
  screen: string;
  children: ReactNode;
  /** A way out other than trying again, e.g. "Go to the Decoder"; omitted on the screen it would lead to. */
  back?: { label: string; onClick: () => void };
}

interface State {
  failed: boolean;
}

/**
 * Catches a render failure inside one screen: the rest of the app keeps working and the screen says what happened, with
 * "Try again" and a way back, never a blank window. The error's text is not shown (it could hold pasted input).
 */
export class ScreenErrorBoundary extends Component<ScreenErrorBoundaryProps, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(_error: unknown, _info: ErrorInfo): void {
    // Nothing is logged: the message or the component stack could echo a token, key or secret the user pasted.
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    const { screen, back } = this.props;
    return (
      <div className="screen screen-error" role="alert">
        <h1 className="screen__title">{screen}</h1>
        <div className="notice notice--danger">
          <span className="notice__icon" aria-hidden="true">
            !
          </span>
          <div className="notice__body">
            <p className="notice__title">This screen stopped working</p>
            <p>Something on it could not be shown. Your saved profiles and keys are not affected. Try again, or go to another screen.</p>
            <code className="notice__code">ERR_INTERNAL</code>
          </div>
        </div>
        <div className="button-row">
          <button type="button" className="button button--primary" onClick={() => this.setState({ failed: false })}>
            Try again
          </button>
          {back !== undefined && (
            <button type="button" className="button button--secondary" onClick={back.onClick}>
              {back.label}
            </button>
          )}
        </div>
      </div>
    );
  }
}
