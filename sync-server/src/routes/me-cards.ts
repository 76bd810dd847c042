import { cardSetup } from '@kigaligo/domain';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { conflict } from '../domain-error';
import { documented } from '../http/api-docs';
import { requireAuth, requireRole } from '../http/auth-middleware';
import { payerCustomer } from '../payments/payer-customer';

/** The rider's saved cards (mounted at /api/me/cards): saving one without paying, through Stripe. */
export const meCardRoutes = new Hono<AppEnv>().use(requireAuth, requireRole('rider')).post(
  '/setup',
  documented({
    summary: 'Start saving a card without paying',
    description:
      'A SetupIntent on the rider’s Stripe Customer (made now if they have none), for the Payment Element to ' +
      'save a card with `stripe.confirmSetup`, and a Customer Session listing the cards already saved. 409 ' +
      'cards_not_configured where cards are not taken through Stripe (the sandbox).',
    audience: 'rider',
    ok: { 200: cardSetup },
    errors: [409],
  }),
  async (c) => {
    const cards = c.var.deps.cards;
    if (!cards) throw conflict('cards_not_configured', 'Cards are not saved on this server (no Stripe keys)');
    const customer = await payerCustomer(c.var.deps.database.db, cards, c.var.auth.userId);
    if (!customer) throw conflict('cards_not_configured', 'No Stripe customer could be made');
    const [clientSecret, customerSessionClientSecret] = await Promise.all([
      cards.setup(customer),
      cards.session(customer),
    ]);
    return c.json(cardSetup.parse({ clientSecret, customerSessionClientSecret }));
  },
);
