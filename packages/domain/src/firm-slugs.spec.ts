import { describe, expect, it } from 'vitest';
import { FIRM_SLUG_MAX, firmSlugFrom } from './firm-slugs.ts';

describe('firmSlugFrom', () => {
  it('lower-cases and joins words with hyphens', () => {
    expect(firmSlugFrom('Blue Yonder Retail')).toBe('blue-yonder-retail');
    expect(firmSlugFrom('  Acme, Inc.  ')).toBe('acme-inc');
  });

  it('drops accents and spells out ampersands', () => {
    expect(firmSlugFrom('Müller & Söhne GmbH')).toBe('muller-and-sohne-gmbh');
  });

  it('never answers an empty slug, nor one longer than the limit or ending in a hyphen', () => {
    expect(firmSlugFrom('株式会社')).toBe('firm');
    const long = firmSlugFrom('word '.repeat(30));
    expect(long.length).toBeLessThanOrEqual(FIRM_SLUG_MAX);
    expect(long.endsWith('-')).toBe(false);
  });
});
