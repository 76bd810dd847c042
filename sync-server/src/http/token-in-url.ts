/**
 * Clients from before socket tickets put the access token in the WebSocket URL (`?token=`). Refusing them as
 * unauthenticated (4401) makes them refresh their token and try again forever; they can never succeed, because
 * they do not know tickets. So such a URL is answered as an out-of-date app: 4426 is final, and those clients
 * already show "update the app" for it. The token itself is never read, logged or checked.
 */
export function isPreTicketClient(url: URL): boolean {
  return url.searchParams.has('token') && !url.searchParams.has('ticket');
}
