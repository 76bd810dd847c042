import { loadPlaces, type PlacesIndex } from '@kigaligo/places';
import { useEffect, useState } from 'react';
import { fetchCached } from './fetch-cached';

let shared: Promise<PlacesIndex> | null = null;

/** The place index, loaded once per page (≈100 KiB of JSON, searched on the main thread: < 2 ms a query). */
export function usePlaces(): PlacesIndex | null {
  const [index, setIndex] = useState<PlacesIndex | null>(null);
  useEffect(() => {
    shared ??= fetchCached('/network/kigali.places.json').then(loadPlaces);
    let live = true;
    shared.then(
      (i) => live && setIndex(i),
      () => {
        shared = null;
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return index;
}
