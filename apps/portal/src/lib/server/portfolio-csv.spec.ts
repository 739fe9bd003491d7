import { describe, expect, it } from 'vitest';
import type { PartnerSummary } from '../relationships';
import { portfolioCsv } from './portfolio-csv';

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

describe('the partner portfolio as CSV', () => {
  it('writes unshared figures as empty CSV cells and quotes names with commas', () => {
    const csv = portfolioCsv([row('Smith, Sons', { revenue: 1200.5, onStrategyTeam: true })]);
    const [header, line] = csv.trimEnd().split('\r\n');
    expect(header?.split(',')).toHaveLength(17);
    expect(line).toMatch(/^"Smith, Sons",retailer,value_adding,,,,,1200.5,,,,,,,,true,$/);
  });

  it('defuses names a firm typed that a spreadsheet would run as a formula, not negative figures', () => {
    const csv = portfolioCsv([row('=HYPERLINK("x")', { revenue: -12.5, sponsor: { id: 'u', name: '@Ann' } })]);
    const line = csv.trimEnd().split('\r\n')[1];
    expect(line).toMatch(/^"'=HYPERLINK\(""x""\)",retailer,value_adding,,,,'@Ann,-12.5,/);
  });
});
