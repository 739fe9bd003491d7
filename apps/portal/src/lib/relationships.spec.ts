import { describe, expect, it } from 'vitest';
import { formatAge, formatRevenue, healthOf, isStale, sortPortfolio, type PartnerSummary } from './relationships';

function row(name: string, change: Partial<PartnerSummary> = {}): PartnerSummary {
  return {
    firm: { id: `id-${name}`, name, chainRole: 'retailer' },
    relationshipStage: 'value_adding',
    sponsor: null,
    revenue: null,
    customers: null,
    visibility: null,
    datasets: [],
    scorecardScore: null,
    spectrum: null,
    integration: null,
    health: null,
    onStrategyTeam: false,
    signedLatestStrategy: null,
    ...change,
  };
}

describe('the partner portfolio', () => {
  it('sorts by a column with rows lacking a value last, whichever the order', () => {
    const rows = [row('Alpha', { revenue: 10 }), row('Beta'), row('Gamma', { revenue: 30 })];
    expect(sortPortfolio(rows, 'revenue', 'desc').map((r) => r.firm.name)).toEqual(['Gamma', 'Alpha', 'Beta']);
    expect(sortPortfolio(rows, 'revenue', 'asc').map((r) => r.firm.name)).toEqual(['Alpha', 'Gamma', 'Beta']);
    expect(sortPortfolio(rows, 'firm', 'desc').map((r) => r.firm.name)).toEqual(['Gamma', 'Beta', 'Alpha']);
  });

  it('never shows unshared revenue as 0, and flags data older than 72 hours', () => {
    expect(formatRevenue(null)).toBe('not shared with you');
    expect(formatRevenue(0)).toBe('0');
    expect(formatAge(3.4)).toBe('3 h ago');
    expect(formatAge(80)).toBe('3 d ago');
    expect(isStale(72)).toBe(false);
    expect(isStale(72.5)).toBe(true);
    expect(isStale(null)).toBe(false);
  });

  it('takes health as the mean of the dimensions', () => {
    expect(healthOf({ trust: 4, commitment: 3, satisfaction: 5, information_sharing: 4 })).toBe(4);
    expect(healthOf(null)).toBeNull();
  });
});
