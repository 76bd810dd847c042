import { useCallback, useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import { NetworkError } from '../api-error';
import type { ApiRequest } from '../api-routes';
import { useClient } from './client-context';

export interface ApiQuery<T> {
  data: T | undefined;
  /** When `data` was fetched (epoch ms); older than this session's load when served from the device cache. */
  updatedAt: number | undefined;
  loading: boolean;
  error: Error | undefined;
  /** The data came from the device cache because the network request failed. */
  stale: boolean;
  reload(): Promise<void>;
}

/**
 * Sends `request` (a GET built by `apiGet`), showing the last cached answer first so the screen works offline,
 * then the fresh one.
 */
export function useApiQuery<T>(key: string, request: ApiRequest<'GET'>, schema: z.ZodType<T>): ApiQuery<T> {
  const { api, cache } = useClient();
  const cached = useRef(cache.read<T>(key));
  const [state, setState] = useState(() => ({
    data: cached.current?.data,
    updatedAt: cached.current?.at,
    loading: true,
    error: undefined as Error | undefined,
    stale: false,
  }));

  // Callers build the request on each render: the path (parameters and query included) is what identifies it.
  const { path } = request;
  const latest = useRef(request);
  latest.current = request;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `path` says when the request changed (see above)
  const reload = useCallback(async () => {
    setState((s) => ({ ...s, loading: true, error: undefined }));
    try {
      const data = await api.request(latest.current, { schema });
      const entry = cache.write(key, data);
      setState({ data, updatedAt: entry.at, loading: false, error: undefined, stale: false });
    } catch (err) {
      const error = err instanceof Error ? err : new Error(String(err));
      setState((s) => ({
        ...s,
        loading: false,
        error,
        stale: err instanceof NetworkError && s.data !== undefined,
      }));
    }
  }, [api, cache, key, path, schema]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { ...state, reload };
}
