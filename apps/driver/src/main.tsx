import { ClientProvider, createKigaliClient } from '@kigaligo/client';
import { I18nProvider } from '@kigaligo/ui';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import './driver.css';
import './assignments/assignments.css';
import { messages } from './messages';

const client = createKigaliClient({ role: 'driver' });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ClientProvider client={client}>
      <I18nProvider messages={messages}>
        <App />
      </I18nProvider>
    </ClientProvider>
  </StrictMode>,
);
