import {
  type BundleLike,
  fetchNetworkBundle,
  kigaliDemoStops,
  type NetworkRoute,
  networkRoutes,
} from '@kigaligo/client';
import { useEffect, useState } from 'react';

export const DEMO_ROUTE = 'demo';

/**
 * Routes a demo drive can follow: the built-in corridor (always there, also on a first visit offline),
 * then every line of the active network bundle once it has loaded.
 */
export function useSimRoutes(demoName: string): NetworkRoute[] {
  const demo: NetworkRoute = { name: demoName, line: DEMO_ROUTE, color: '#0b6e4f', stops: kigaliDemoStops };
  const [lines, setLines] = useState<NetworkRoute[]>([]);
  useEffect(() => {
    let live = true;
    fetchNetworkBundle(`${import.meta.env.BASE_URL}network/kigali.bundle.json`)
      .then((text) => live && setLines(networkRoutes(JSON.parse(text) as BundleLike)))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, []);
  return [demo, ...lines];
}
