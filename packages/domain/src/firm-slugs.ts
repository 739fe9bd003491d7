// A firm's slug: how partners find it (invite by slug) and how it appears in URLs. Derived from the
// name at sign-up; the database appends -2, -3... when it is taken.

export const FIRM_SLUG_MAX = 40;

/** Lower-case ASCII letters and digits joined by single hyphens; accents dropped; `firm` when nothing is left. */
export function firmSlugFrom(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, FIRM_SLUG_MAX)
    .replace(/-+$/, '');
  return slug || 'firm';
}
