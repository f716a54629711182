// Entry point of the renderer: mounts the app with the desktop bridge (or none in a plain browser).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { BridgeContext } from './bridge/bridge-context';
import { readWindowBridge } from './bridge/window-bridge';
import './styles/theme.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/decoder.css';
// The other screens' styles load with their chunks (app/lazy-screens): the first paint waits only for the decoder's.

const container = document.getElementById('root');
if (container !== null) {
  createRoot(container).render(
    <StrictMode>
      <BridgeContext.Provider value={readWindowBridge()}>
        <App />
      </BridgeContext.Provider>
    </StrictMode>,
  );
}
