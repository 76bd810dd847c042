/**
 * `--name value` flags over typed defaults (numbers stay numbers). Unknown flags are an error, so a typo
 * never silently runs the default workload.
 */
export function parseFlags<T extends Record<string, number | string>>(
  defaults: T,
  argv = process.argv.slice(2),
): T {
  const out: Record<string, number | string> = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i]!.replace(/^--/, '');
    if (!(name in defaults))
      throw new Error(
        `unknown flag ${argv[i]} (known: ${Object.keys(defaults)
          .map((k) => `--${k}`)
          .join(', ')})`,
      );
    const raw = argv[++i];
    if (raw === undefined) throw new Error(`flag --${name} needs a value`);
    if (typeof defaults[name] === 'number') {
      const value = Number(raw);
      if (!Number.isFinite(value)) throw new Error(`flag --${name} needs a number`);
      out[name] = value;
    } else out[name] = raw;
  }
  return out as T;
}
