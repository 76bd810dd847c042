import { fetchAppConfig } from '@kigaligo/client/app-config';
import { useEffect, useRef, useState } from 'react';
import { Alert } from '../components/alert';
import { Button } from '../components/button';
import { Card } from '../components/card';
import { type Lang, useI18n } from '../i18n/i18n-context';
import { basemapAssetsUrl } from './basemap-assets';
import type { MapDownload, SavedMap } from './offline-map';

const en = {
  title: 'Map for offline use',
  intro: 'Save the streets of Kigali on this phone, so the map draws without internet.',
  save: 'Save the Kigali map for offline',
  checking: 'Checking the size…',
  size: 'This downloads about {size}.',
  download: 'Download {size}',
  progress: 'Saving the map: {done} of {size}',
  cancel: 'Cancel',
  saved: 'The Kigali map is saved on this phone ({size}).',
  remove: 'Remove the saved map',
  failed: 'The map could not be saved. Check your connection and try again.',
  offline: 'Connect to the internet to save the map.',
};
const rw: Record<keyof typeof en, string> = {
  title: 'Ikarita idakenera interineti',
  intro: 'Bika imihanda ya Kigali kuri iyi telefoni, kugira ngo ikarita igaragare nta interineti.',
  save: 'Bika ikarita ya Kigali ngo ikoreshwe nta interineti',
  checking: 'Turareba ingano…',
  size: 'Bizakurura hafi {size}.',
  download: 'Kurura {size}',
  progress: 'Ikarita irabikwa: {done} kuri {size}',
  cancel: 'Hagarika',
  saved: 'Ikarita ya Kigali ibitswe kuri iyi telefoni ({size}).',
  remove: 'Siba ikarita yabitswe',
  failed: 'Ntibyashobotse kubika ikarita. Reba interineti yawe wongere ugerageze.',
  offline: 'Jya kuri interineti kugira ngo ubike ikarita.',
};
const dict: Record<Lang, Record<keyof typeof en, string>> = { en, rw };

/** "12.3 MB" with the language's decimal mark. */
function megabytes(bytes: number, lang: Lang): string {
  const mb = bytes / 1_000_000;
  return `${mb.toLocaleString(lang === 'rw' ? 'rw-RW' : 'en-GB', { maximumFractionDigits: 1 })} MB`;
}

type State =
  | { step: 'idle' }
  | { step: 'checking' }
  | { step: 'ready'; plan: MapDownload }
  | { step: 'saving'; plan: MapDownload; done: number }
  | { step: 'saved'; saved: SavedMap };

/**
 * "Save the Kigali map for offline" (rider and driver settings): only with a vector basemap configured
 * (MAP_PMTILES_URL); the built-in schematic needs no download. Shows the size before, a progress bar during,
 * and can be cancelled and removed (offline-map.ts does the work).
 */
export function OfflineMapCard({ base }: { base: string }) {
  const { lang } = useI18n();
  const t = dict[lang];
  const [pmtilesUrl, setPmtilesUrl] = useState<string | null>(null);
  const [state, setState] = useState<State>({ step: 'idle' });
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);

  useEffect(() => {
    let live = true;
    fetchAppConfig().then(async ({ map }) => {
      // A full style (MAP_STYLE_URL) names its own sources, which this download does not know how to read.
      if (!live || !map.pmtilesUrl || map.styleUrl) return;
      setPmtilesUrl(map.pmtilesUrl);
      const saved = await (await import('./offline-map')).savedMap(map.pmtilesUrl);
      if (live && saved) setState({ step: 'saved', saved });
    });
    return () => {
      live = false;
      abort.current?.abort();
    };
  }, []);

  if (!pmtilesUrl) return null;
  const size = (bytes: number) => megabytes(bytes, lang);
  const fail = () => {
    setError(t.failed);
    setState({ step: 'idle' });
  };

  const check = async () => {
    setError(null);
    if (!navigator.onLine) return setError(t.offline);
    setState({ step: 'checking' });
    const controller = new AbortController();
    abort.current = controller;
    try {
      const { planMapDownload } = await import('./offline-map');
      const plan = await planMapDownload(
        pmtilesUrl,
        basemapAssetsUrl(location.origin, base),
        controller.signal,
      );
      if (!controller.signal.aborted) setState({ step: 'ready', plan });
    } catch {
      if (!controller.signal.aborted) fail();
    }
  };

  const download = async (plan: MapDownload) => {
    const controller = new AbortController();
    abort.current = controller;
    setState({ step: 'saving', plan, done: 0 });
    try {
      const { saveMapDownload } = await import('./offline-map');
      const saved = await saveMapDownload(
        plan,
        (done) => setState({ step: 'saving', plan, done }),
        controller.signal,
      );
      setState({ step: 'saved', saved });
    } catch {
      if (!controller.signal.aborted) fail();
    }
  };

  const cancel = () => {
    abort.current?.abort();
    setState({ step: 'idle' });
  };

  const remove = async () => {
    await (await import('./offline-map')).removeSavedMap();
    setState({ step: 'idle' });
  };

  return (
    <Card title={t.title}>
      <div className="kg-offline-map" data-testid="offline-map" data-step={state.step}>
        {state.step === 'saved' ? (
          <>
            <p className="kg-muted">{t.saved.replace('{size}', size(state.saved.bytes))}</p>
            <Button variant="secondary" block onClick={() => void remove()}>
              {t.remove}
            </Button>
          </>
        ) : state.step === 'saving' ? (
          <>
            <label className="kg-offline-map-progress">
              <span>
                {t.progress.replace('{done}', size(state.done)).replace('{size}', size(state.plan.bytes))}
              </span>
              <progress value={state.done} max={state.plan.bytes} />
            </label>
            <Button variant="secondary" block onClick={cancel}>
              {t.cancel}
            </Button>
          </>
        ) : state.step === 'ready' ? (
          <>
            <p className="kg-muted">{t.size.replace('{size}', size(state.plan.bytes))}</p>
            <Button block onClick={() => void download(state.plan)}>
              {t.download.replace('{size}', size(state.plan.bytes))}
            </Button>
            <Button variant="secondary" block onClick={cancel}>
              {t.cancel}
            </Button>
          </>
        ) : (
          <>
            <p className="kg-muted">{t.intro}</p>
            <Button block busy={state.step === 'checking'} onClick={() => void check()}>
              {state.step === 'checking' ? t.checking : t.save}
            </Button>
          </>
        )}
        {error ? <Alert>{error}</Alert> : null}
      </div>
    </Card>
  );
}
