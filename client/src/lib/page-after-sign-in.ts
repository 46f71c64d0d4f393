/** Where to go after signing in: the page asked for in `next`, if it is one of ours. */
export function pageAfterSignIn(url: URL): string {
  const next = url.searchParams.get('next');
  // Only a local path; "//host" or "/\host" would leave the app.
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next.startsWith('/login') || next.startsWith('/setup')) return '/';
  return next;
}
