import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { budgetReport, firstPaintFiles, htmlAssets, staticImports } from './first-paint';

describe('what an app needs before its first paint', () => {
  it('reads scripts, module preloads and style sheets from index.html, not icons or the manifest', () => {
    const html = `<head>
      <link rel="icon" href="/driver/icons/favicon-32.png" />
      <script type="module" crossorigin src="/driver/assets/index-a1.js"></script>
      <link rel="modulepreload" crossorigin href="/driver/assets/shared-b2.js">
      <link rel="stylesheet" crossorigin href="/driver/assets/index-c3.css">
      <link rel="manifest" href="/driver/manifest.webmanifest"></head>`;
    expect(htmlAssets(html)).toEqual([
      '/driver/assets/index-a1.js',
      '/driver/assets/shared-b2.js',
      '/driver/assets/index-c3.css',
    ]);
  });

  it('follows static imports of built modules but not dynamic import()', () => {
    const code =
      'import{a as e}from"./shared-b2.js";import"./side-d4.js";export*from"./re-e5.js";' +
      'const m=()=>import("./map-f6.js");';
    expect(staticImports(code)).toEqual(['./shared-b2.js', './side-d4.js', './re-e5.js']);
  });

  describe('on a built app folder', () => {
    let dist: string;
    const lazy = 'x'.repeat(50_000);
    beforeAll(async () => {
      dist = await mkdtemp(join(tmpdir(), 'kigaligo-budget-'));
      await mkdir(join(dist, 'assets'));
      await writeFile(
        join(dist, 'index.html'),
        '<script type="module" src="/driver/assets/index-a1.js"></script><link rel="stylesheet" href="/driver/assets/a.css">',
      );
      await writeFile(
        join(dist, 'assets', 'index-a1.js'),
        'import{s}from"./shared-b2.js";const m=()=>import("./map-f6.js");s(m);',
      );
      await writeFile(join(dist, 'assets', 'shared-b2.js'), 'export const s=(f)=>f;');
      await writeFile(join(dist, 'assets', 'map-f6.js'), `export const map="${lazy}";`);
      await writeFile(join(dist, 'assets', 'a.css'), 'body{margin:0}');
    });
    afterAll(() => rm(dist, { recursive: true, force: true }));

    it('counts the entry, its static imports and the CSS, and leaves the lazy chunk out', async () => {
      const files = await firstPaintFiles(dist, '/driver/');
      expect(files.map((f) => f.url).sort()).toEqual([
        '/driver/assets/a.css',
        '/driver/assets/index-a1.js',
        '/driver/assets/shared-b2.js',
      ]);
      for (const f of files) expect(f.brotli).toBeGreaterThan(0);
    });

    it('fails over budget and prints each file with its share', async () => {
      const files = await firstPaintFiles(dist, '/driver/');
      const total = files.reduce((sum, f) => sum + f.brotli, 0);
      const within = budgetReport('driver', files, total);
      expect(within.over).toBe(false);
      const over = budgetReport('driver', files, total - 1);
      expect(over.over).toBe(true);
      expect(over.text).toMatch(/OVER BUDGET/);
      expect(over.text).toContain('/driver/assets/index-a1.js');
      expect(over.text).toMatch(/\d+%\s+\/driver\/assets\/shared-b2\.js/);
    });
  });
});
