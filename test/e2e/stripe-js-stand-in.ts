import type { BrowserContext } from 'playwright-core';
import type { FakeStripe } from '../../sync-server/src/payments/test-support/fake-stripe';

/**
 * A stand-in for Stripe.js, which is served only from js.stripe.com and cannot be had on this offline machine.
 * It is the part of Stripe.js the rider app uses, behaving as documented: `Stripe(publishableKey)`, Elements
 * with a Payment Element (here a choice of Stripe's test PaymentMethods instead of Stripe's card frame),
 * `confirmSetup` (a SetupIntent, the same way) and `confirmPayment`, which confirms the intent at
 * api.stripe.com with the client secret and, when the bank asks
 * for 3-D Secure, shows the challenge in a frame from hooks.stripe.com and reads the intent back. Everything it
 * sends goes over the network to the test's local Stripe server (`routeStripe`), so the app's CSP, its client
 * secret handling and its answers are tested; Stripe's own frames are not.
 *
 * Serialised into the page as `(${stripeJsStandIn})()`: it must not use anything from outside its body.
 */
export function stripeJsStandIn() {
  type Answer = {
    status: string;
    last_payment_error?: { message: string } | null;
    error?: { type: string; code?: string; message: string };
  };
  const api = 'https://api.stripe.com/v1/payment_intents';
  function Stripe(publishableKey: string) {
    const element = {
      select: null as HTMLSelectElement | null,
      savedCards: false,
      mount(node: HTMLElement) {
        const label = document.createElement('label');
        label.dataset.savedCards = String(element.savedCards);
        label.textContent = 'Test payment method ';
        const select = document.createElement('select');
        for (const pm of ['pm_card_visa', 'pm_card_authenticationRequired', 'pm_card_chargeDeclined']) {
          const option = document.createElement('option');
          option.value = pm;
          option.textContent = pm;
          select.append(option);
        }
        label.append(select);
        node.append(label);
        element.select = select;
      },
      on() {},
      off() {},
      update() {},
      destroy() {
        element.select?.parentElement?.remove();
      },
    };
    /** Confirms an intent (payment or setup) as Stripe.js does: publishable key, client secret, the chosen card. */
    const confirm = async (kind: 'payment_intents' | 'setup_intents', secret: string) => {
      const res = await fetch(`https://api.stripe.com/v1/${kind}/${secret.split('_secret_')[0]}/confirm`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          key: publishableKey,
          client_secret: secret,
          payment_method: element.select?.value ?? '',
        }),
      });
      return (await res.json()) as Answer;
    };
    const stripe = {
      elements(options: { clientSecret: string; customerSessionClientSecret?: string }) {
        // Stripe lists the Customer's saved cards when given a Customer Session; the stand-in says it was given one.
        element.savedCards = options.customerSessionClientSecret !== undefined;
        return {
          options,
          create: () => element,
          getElement: () => element,
          update() {},
          submit: async () => ({}),
        };
      },
      createToken() {},
      createPaymentMethod() {},
      confirmCardPayment() {},
      registerAppInfo() {},
      _registerWrapper() {},
      async confirmSetup({ elements }: { elements: { options: { clientSecret: string } } }) {
        const setupIntent = await confirm('setup_intents', elements.options.clientSecret);
        return setupIntent.error ? { error: setupIntent.error } : { setupIntent };
      },
      async confirmPayment({ elements }: { elements: { options: { clientSecret: string } } }) {
        const secret = elements.options.clientSecret;
        const id = secret.split('_secret_')[0];
        const intent = await confirm('payment_intents', secret);
        if (intent.error) return { error: intent.error };
        if (intent.status !== 'requires_action') return { paymentIntent: intent };
        // 3-D Secure: the bank's challenge in a frame; Stripe.js then reads the intent back.
        const frame = document.createElement('iframe');
        frame.title = '3D Secure challenge';
        frame.src = `https://hooks.stripe.com/3d_secure_2/challenge?intent=${id}`;
        frame.style.width = '100%';
        frame.style.height = '200px';
        document.body.append(frame);
        await new Promise<void>((resolve) => {
          window.addEventListener('message', function done(e: MessageEvent) {
            if (e.origin !== 'https://hooks.stripe.com') return;
            window.removeEventListener('message', done);
            resolve();
          });
        });
        frame.remove();
        const back = await fetch(
          `${api}/${id}?${new URLSearchParams({ key: publishableKey, client_secret: secret })}`,
        );
        const after = (await back.json()) as Answer;
        if (after.status === 'succeeded') return { paymentIntent: after };
        return {
          error: {
            type: 'card_error',
            code: 'payment_intent_authentication_failure',
            message: after.last_payment_error?.message ?? 'Authentication failed',
          },
        };
      },
    };
    return stripe;
  }
  Stripe.version = 'endive';
  (window as unknown as { Stripe: unknown }).Stripe = Stripe;
}

/** The bank's 3-D Secure page inside Stripe's frame: the cardholder completes or fails it. */
const challengePage = (intent: string) => `<!doctype html><meta charset="utf-8"><title>3D Secure</title>
<p>Test bank: confirm this payment?</p>
<button data-outcome="complete">Complete authentication</button>
<button data-outcome="fail">Fail authentication</button>
<script>
for (const b of document.querySelectorAll('button')) b.onclick = async () => {
  await fetch('/authenticate', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ intent: ${JSON.stringify(intent)}, outcome: b.dataset.outcome }) });
  parent.postMessage('done', '*');
};
</script>`;

/**
 * Answers Stripe's three origins for a browser context as Stripe would, from the stand-in and the local
 * Stripe server: js.stripe.com the script, api.stripe.com forwarded, hooks.stripe.com the challenge. Counts
 * the script loads, so a test can say Stripe.js loads on the payment step only.
 */
export async function routeStripe(context: BrowserContext, stripe: FakeStripe) {
  const loads = { script: 0 };
  await context.route('https://js.stripe.com/**', async (route) => {
    loads.script += 1;
    await route.fulfill({ contentType: 'text/javascript', body: `(${stripeJsStandIn})();` });
  });
  await context.route('https://api.stripe.com/**', async (route) => {
    const req = route.request();
    const url = new URL(req.url());
    const res = await fetch(`${stripe.url}${url.pathname}${url.search}`, {
      method: req.method(),
      headers: { 'content-type': req.headers()['content-type'] ?? 'application/x-www-form-urlencoded' },
      ...(req.method() === 'GET' ? {} : { body: req.postData() ?? '' }),
    });
    await route.fulfill({
      status: res.status,
      contentType: 'application/json',
      headers: { 'access-control-allow-origin': '*' },
      body: await res.text(),
    });
  });
  await context.route('https://hooks.stripe.com/**', async (route) => {
    const req = route.request();
    const url = new URL(req.url());
    if (req.method() === 'GET') {
      await route.fulfill({
        contentType: 'text/html',
        body: challengePage(url.searchParams.get('intent') ?? ''),
      });
      return;
    }
    const form = new URLSearchParams(req.postData() ?? '');
    const res = await fetch(`${stripe.url}/test_helpers/payment_intents/${form.get('intent')}/authenticate`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ outcome: form.get('outcome') ?? '' }),
    });
    await route.fulfill({ status: res.status, contentType: 'application/json', body: await res.text() });
  });
  return loads;
}
