// Links with a query string: `resolve()` gives the path, this adds the query (and a fragment). The result
// is still a path of this app, so it is typed as one (which the navigation lint rule checks for).
import type { ResolvedPathname } from '$app/types';

export function withQuery(
  path: ResolvedPathname,
  query: Record<string, string | null | undefined>,
  fragment?: string,
): ResolvedPathname {
  const search = Object.entries(query)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '')
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
    .join('&');
  return `${path}${search ? `?${search}` : ''}${fragment ? `#${fragment}` : ''}` as ResolvedPathname;
}
