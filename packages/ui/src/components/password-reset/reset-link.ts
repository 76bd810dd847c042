import { useCallback, useEffect, useState } from 'react';

/**
 * The token of a password-reset link (`#reset=…`, or `?reset=…` from mail clients that drop the hash). Read once,
 * then taken out of the address bar so it stays out of history, bookmarks and screenshots.
 */
function takeResetToken(): string | null {
  if (typeof location === 'undefined') return null;
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('reset');
  const query = new URLSearchParams(location.search);
  const token = fromHash ?? query.get('reset');
  if (!token) return null;
  query.delete('reset');
  const search = query.size > 0 ? `?${query}` : '';
  history.replaceState(history.state, '', `${location.pathname}${search}`);
  return token;
}

/** The reset token the app was opened with, and a way to be done with it (back to sign-in). */
export function useResetLink(): [string | null, () => void] {
  const [token, setToken] = useState(takeResetToken);
  // A link opened in a tab where the app already runs changes only the hash: no new page load.
  useEffect(() => {
    const onHash = () => {
      const fresh = takeResetToken();
      if (fresh) setToken(fresh);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const done = useCallback(() => setToken(null), []);
  return [token, done];
}
