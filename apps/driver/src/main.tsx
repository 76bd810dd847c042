import { ClientProvider, createKigaliClient } from '@kigaligo/client';
import { fetchBackgroundTierWhenIdle, I18nProvider } from '@kigaligo/ui';
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

// After the first screen: the files the app needs offline beyond its shell (packages/ui background-tier.ts).
fetchBackgroundTierWhenIdle(import.meta.env.BASE_URL);
