import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

export interface PageText {
  app: string;
  title: string;
  description: string;
  themeColor: string;
}

const template = readFileSync(new URL('../index.template.html', import.meta.url), 'utf8');
const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

/** The page every app shares (index.template.html) with the app's text, around the app's own index.html. */
export function fillTemplate(page: PageText, appEntry: string): string {
  return template
    .replaceAll('%APP%', escapeHtml(page.app))
    .replaceAll('%TITLE%', escapeHtml(page.title))
    .replaceAll('%DESCRIPTION%', escapeHtml(page.description))
    .replaceAll('%THEME_COLOR%', escapeHtml(page.themeColor))
    .replace('<!--app-entry-->', appEntry.trim());
}

/**
 * Each app's index.html holds only its entry script; this wraps it in the shared page before Vite reads the
 * scripts and links (order `pre`), in dev and in the build alike.
 */
export function sharedIndexHtml(page: PageText): Plugin {
  return {
    name: 'kigaligo:shared-index-html',
    transformIndexHtml: { order: 'pre', handler: (html) => fillTemplate(page, html) },
  };
}
