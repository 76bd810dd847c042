import { z } from 'zod';
import { paymentView } from './payment';

/**
 * The sandbox's test cards: Stripe's own test numbers, so a newcomer who later switches to Stripe test mode
 * types the same cards. The sandbox takes these and nothing else (a real card number typed into a demo is
 * refused, never stored).
 */
export const sandboxTestCards = [
  { number: '4242424242424242', outcome: 'succeeds' },
  { number: '4000002760003184', outcome: 'authenticate' },
  { number: '4000000000000002', outcome: 'declined' },
  { number: '4000000000009995', outcome: 'insufficient_funds' },
] as const;
export type SandboxCardOutcome = (typeof sandboxTestCards)[number]['outcome'];

/** What the sandbox card form sends: the number, expiry and CVC, and the answer to a test authentication. */
export const sandboxCardRequest = z.object({
  number: z
    .string()
    .transform((s) => s.replace(/[\s-]/g, ''))
    .pipe(z.string().regex(/^\d{12,19}$/, 'Enter the card number')),
  /** MM/YY, as printed on cards. */
  expiry: z
    .string()
    .trim()
    .regex(/^(0[1-9]|1[0-2])\s*\/\s*\d{2}$/, 'Enter the expiry date as MM/YY'),
  cvc: z.string().regex(/^\d{3,4}$/, 'Enter the 3 or 4 digits on the back of the card'),
  /** The rider's answer to the test 3-D Secure step, for a card that asks for one. */
  authentication: z.enum(['complete', 'fail']).optional(),
});
export type SandboxCardRequest = z.infer<typeof sandboxCardRequest>;

/** The test card with this number (spaces ignored), if it is one. */
export function sandboxTestCard(number: string): (typeof sandboxTestCards)[number] | undefined {
  const digits = number.replace(/[\s-]/g, '');
  return sandboxTestCards.find((c) => c.number === digits);
}

/** Whether MM/YY is this month or later (a card is valid through the end of its expiry month). */
export function expiryInFuture(expiry: string, now: Date): boolean {
  const [mm, yy] = expiry.split('/').map((p) => Number(p.trim()));
  const year = 2000 + (yy ?? 0);
  return year > now.getUTCFullYear() || (year === now.getUTCFullYear() && (mm ?? 0) >= now.getUTCMonth() + 1);
}

/** The sandbox's answer: the payment as it now stands, or a test 3-D Secure step to answer first. */
export const sandboxCardAnswer = z.object({ payment: paymentView, authenticate: z.boolean() });
export type SandboxCardAnswer = z.infer<typeof sandboxCardAnswer>;
