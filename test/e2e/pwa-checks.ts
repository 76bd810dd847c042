import type { BrowserContext, Page } from 'playwright-core';

export interface ManifestIcon {
  src: string;
  sizes: string;
  type?: string;
  purpose?: string;
}

export interface AppManifest {
  name: string;
  short_name: string;
  start_url: string;
  scope: string;
  display: string;
  theme_color: string;
  icons: ManifestIcon[];
}

/** What Chrome itself says blocks installation (the same check behind its install prompt). */
export async function installabilityErrors(context: BrowserContext, page: Page): Promise<string[]> {
  const cdp = await context.newCDPSession(page);
  try {
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    return installabilityErrors.map((e) => e.errorId);
  } finally {
    await cdp.detach();
  }
}

/** The manifest the page links to, fetched the way the browser would (relative to the page). */
export async function fetchManifest(page: Page): Promise<{ url: string; manifest: AppManifest }> {
  return page.evaluate(async () => {
    const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
    if (!link) throw new Error('no <link rel="manifest">');
    const res = await fetch(link.href);
    return { url: link.href, manifest: (await res.json()) as AppManifest };
  });
}

/** Width and height from a PNG's IHDR chunk, or null when the bytes are not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } | null {
  const signature = '89504e470d0a1a0a';
  if (bytes.subarray(0, 8).toString('hex') !== signature) return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Fetches every icon in the manifest and returns `src -> "WxH"` as really encoded in the file. */
export async function iconSizes(context: BrowserContext, manifestUrl: string, icons: ManifestIcon[]) {
  const out: Record<string, string> = {};
  for (const icon of icons) {
    const res = await context.request.get(new URL(icon.src, manifestUrl).href);
    const size = res.ok() ? pngSize(await res.body()) : null;
    out[icon.src] = size ? `${size.width}x${size.height}` : `HTTP ${res.status()}`;
  }
  return out;
}
