import { fetchAppConfig } from '@kigaligo/client/app-config';
import type { CardConfig } from '@kigaligo/domain';
import { useEffect, useState } from 'react';

/** How this server takes cards (`GET /api/config`, kept for offline): Stripe.js with its key, or the sandbox. */
export function useCardConfig(): CardConfig | null {
  const [card, setCard] = useState<CardConfig | null>(null);
  useEffect(() => {
    let live = true;
    void fetchAppConfig().then((config) => live && setCard(config.card));
    return () => {
      live = false;
    };
  }, []);
  return card;
}
