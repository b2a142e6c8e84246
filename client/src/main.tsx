// Must stay the first import: it configures zod before any schema is created.
import './app/csp-safe-zod';
import './app/nhsuk.scss';
import './app/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';

// NHS.UK frontend's styles for scripted pages key off this class; its template sets it with an
// inline script, which our CSP forbids, so set it here.
document.body.classList.add('js-enabled', 'nhsuk-frontend-supported');

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
