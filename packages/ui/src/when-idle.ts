/**
 * Runs `task` once the page has painted and the main thread is idle (or after `timeoutMs` at the latest):
 * for fetching code and data the next screen needs without delaying this one.
 */
export function whenIdle(task: () => void, timeoutMs = 3000): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(task, { timeout: timeoutMs });
    return () => cancelIdleCallback(id);
  }
  // Safari has no requestIdleCallback: a short delay still lets the first paint go first.
  const id = setTimeout(task, 200);
  return () => clearTimeout(id);
}
