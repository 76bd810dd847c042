import { readFile } from 'node:fs/promises';
import { join, normalize, posix } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** JS + CSS (brotli) each app may need before its first paint, from issue #15. KB = 1000 bytes. */
export const budgets = { rider: 90_000, driver: 80_000, admin: 120_000 } as const;
export type AppName = keyof typeof budgets;

export interface SizedFile {
  /** URL path as the page asks for it. */
  url: string;
  raw: number;
  gzip: number;
  brotli: number;
}

const attribute = (tag: string, name: string) =>
  new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(tag)?.[1];

/** Scripts, module preloads and style sheets that index.html makes the browser fetch before it can paint. */
export function htmlAssets(html: string): string[] {
  const urls: string[] = [];
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    if (/^<script/i.test(tag)) {
      const src = attribute(tag, 'src');
      if (src && !/\sasync\b|\sdefer\b/i.test(tag)) urls.push(src);
      else if (src && attribute(tag, 'type') === 'module') urls.push(src);
      continue;
    }
    const rel = attribute(tag, 'rel')?.toLowerCase();
    const href = attribute(tag, 'href');
    if (href && (rel === 'stylesheet' || rel === 'modulepreload')) urls.push(href);
  }
  return urls;
}

/**
 * Static imports of a built ES module (`import{a}from"./x.js"`, `import"./y.js"`, `export*from"./z.js"`).
 * Dynamic `import("./w.js")` is left out: that code loads later, when used.
 */
export function staticImports(code: string): string[] {
  const found: string[] = [];
  const re = /(?:^|[;\s})])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g;
  for (const m of code.matchAll(re)) found.push(m[1]!);
  return found;
}

async function size(bytes: Buffer) {
  const [b, g] = await Promise.all([
    brotli(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }),
    gz(bytes, { level: constants.Z_BEST_COMPRESSION }),
  ]);
  return { raw: bytes.length, gzip: g.length, brotli: b.length };
}

/** Every JS and CSS file a built app needs before first paint: what index.html loads, and what those import. */
export async function firstPaintFiles(distDir: string, base: string): Promise<SizedFile[]> {
  const html = await readFile(join(distDir, 'index.html'), 'utf8');
  const pending = htmlAssets(html);
  const seen = new Set<string>();
  const files: SizedFile[] = [];
  while (pending.length > 0) {
    const url = pending.shift()!;
    if (seen.has(url) || /^(?:[a-z]+:)?\/\//i.test(url)) continue;
    seen.add(url);
    if (!url.startsWith(base)) throw new Error(`${url} is outside the app's base ${base}`);
    const path = normalize(join(distDir, url.slice(base.length)));
    const bytes = await readFile(path);
    files.push({ url, ...(await size(bytes)) });
    if (url.endsWith('.js')) {
      for (const spec of staticImports(bytes.toString('utf8'))) {
        if (spec.startsWith('.')) pending.push(posix.join(posix.dirname(url), spec));
        else if (spec.startsWith('/')) pending.push(spec);
      }
    }
  }
  return files;
}

const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;

/** A table of each file's share of the budget, and a verdict line. */
export function budgetReport(app: string, files: SizedFile[], budget: number) {
  const total = files.reduce((sum, f) => sum + f.brotli, 0);
  const lines = [...files]
    .sort((a, b) => b.brotli - a.brotli)
    .map(
      (f) =>
        `  ${kb(f.brotli).padStart(9)} br ${kb(f.gzip).padStart(9)} gz ${kb(f.raw).padStart(10)} raw ` +
        `${`${((100 * f.brotli) / budget).toFixed(0)}%`.padStart(4)}  ${f.url}`,
    );
  const over = total > budget;
  const verdict = `${app}: ${kb(total)} brotli before first paint, budget ${kb(budget)}${over ? ' — OVER BUDGET' : ''}`;
  return { over, total, text: [verdict, ...lines].join('\n') };
}
