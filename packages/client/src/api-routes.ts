import type { paths } from './api-types.gen';

/**
 * Requests typed from the server's own description (api-types.gen.ts, generated from /api/openapi.json):
 * a path the API does not have, a missing or extra path parameter, an unknown query parameter or a body of
 * the wrong shape fails the type check instead of answering 404/422 at run time.
 */
export type ApiMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
export type ApiPath = keyof paths;

/** The documented paths that answer `method`. */
export type PathsFor<M extends ApiMethod> = {
  [P in ApiPath]: [NonNullable<paths[P][M]>] extends [never] ? never : P;
}[ApiPath];

type Operation<M extends ApiMethod, P extends PathsFor<M>> = NonNullable<paths[P][M]>;
type ParametersOf<O> = O extends { parameters: infer X } ? X : never;

type PathPart<O> =
  ParametersOf<O> extends { path: infer X }
    ? [X] extends [never] | [undefined]
      ? { path?: never }
      : { path: X }
    : { path?: never };

type QueryPart<O> =
  ParametersOf<O> extends { query: infer Q }
    ? [Q] extends [never]
      ? { query?: never }
      : { query: Q }
    : ParametersOf<O> extends { query?: infer Q }
      ? [Exclude<Q, undefined>] extends [never]
        ? { query?: never }
        : { query?: Exclude<Q, undefined> }
      : { query?: never };

type Json<C> = C extends { content: { 'application/json': infer B } } ? B : never;
// A body that is not JSON (the evidence bytes) has no place here: the caller sends it itself, as a Blob.
type BodyPart<O> = O extends { requestBody: infer R }
  ? [Json<R>] extends [never]
    ? { body?: never }
    : { body: Json<R> }
  : O extends { requestBody?: infer R }
    ? [Json<Exclude<R, undefined>>] extends [never]
      ? { body?: never }
      : { body?: Json<Exclude<R, undefined>> }
    : { body?: never };

/** What a call to `method path` takes: its path parameters, query and JSON body, as the document declares. */
export type RouteInput<M extends ApiMethod, P extends PathsFor<M>> = PathPart<Operation<M, P>> &
  QueryPart<Operation<M, P>> &
  BodyPart<Operation<M, P>>;

declare const built: unique symbol;

/** A request built by `apiRequest` (the only way to make one): its URL is one the API documents. */
export interface ApiRequest<M extends Uppercase<ApiMethod> = Uppercase<ApiMethod>> {
  method: M;
  /** The path with its parameters filled in and the query appended, e.g. `/api/trips/7?limit=20`. */
  path: string;
  body?: unknown;
  readonly [built]: true;
}

type QueryValue = string | number | boolean | readonly (string | number | boolean)[] | null | undefined;

/** `?a=1&b=x,y`: list values joined by commas, as the API's list filters take them; unset values left out. */
function queryString(query: Record<string, QueryValue> | undefined): string {
  const q = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    q.set(name, Array.isArray(value) ? value.join(',') : String(value));
  }
  const text = q.toString();
  return text ? `?${text}` : '';
}

/** Optional when the operation needs nothing (no path parameter, no required query or body). */
type InputArgs<M extends ApiMethod, P extends PathsFor<M>> =
  object extends RouteInput<M, P> ? [input?: RouteInput<M, P>] : [input: RouteInput<M, P>];

/** Builds `method path` with its parameters filled in (each encoded), e.g. for the request queue. */
export function apiRequest<M extends ApiMethod, P extends PathsFor<M>>(
  method: M,
  path: P,
  ...[input]: InputArgs<M, P>
): ApiRequest<Uppercase<M>> {
  const {
    path: params,
    query,
    body,
  } = (input ?? {}) as {
    path?: Record<string, string | number>;
    query?: Record<string, QueryValue>;
    body?: unknown;
  };
  const filled = (path as string).replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new TypeError(`apiRequest: ${path} needs the path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
  const request = { method: method.toUpperCase(), path: filled + queryString(query) } as ApiRequest<
    Uppercase<M>
  >;
  if (body !== undefined) request.body = body;
  return request;
}

/** A GET request for `useApiQuery` and the like. */
export function apiGet<P extends PathsFor<'get'>>(path: P, ...input: InputArgs<'get', P>): ApiRequest<'GET'> {
  return apiRequest('get', path, ...input);
}
