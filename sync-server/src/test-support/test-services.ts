/**
 * Tests that need a service the machine may lack (real Postgres for scale-out and Postgres-only behaviour, Redis
 * for fan-out between processes) ask here for its URL. In CI (`CI` set) a missing one fails the run, so a
 * misconfigured pipeline cannot pass by skipping them; on a laptop they are skipped with a printed warning.
 */
const warned = new Set<string>();

export function serviceUrl(
  envVar: 'TEST_DATABASE_URL' | 'TEST_REDIS_URL',
  neededFor: string,
): string | undefined {
  const url = process.env[envVar];
  if (url) return url;
  if (inCi()) throw new Error(`${envVar} is not set: CI must run the tests that need ${neededFor}`);
  if (!warned.has(`${envVar}:${neededFor}`)) {
    warned.add(`${envVar}:${neededFor}`);
    console.warn(`⚠ ${envVar} is not set: skipping the tests that need ${neededFor}.`);
  }
  return undefined;
}

function inCi(): boolean {
  const ci = process.env.CI;
  return ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0';
}
