// The partner portfolio as a CSV download (the API answers it in JSON only, so the portal writes the CSV).
import { csvTable } from '@accord/domain/csv';
import { healthOf, type PartnerSummary } from '../relationships';

const header = [
  'firm',
  'chain_role',
  'relationship_stage',
  'spectrum_stage',
  'spectrum_position',
  'agreement',
  'sponsor',
  'revenue_12m',
  'customers_12m',
  'visibility',
  'datasets',
  'scorecard_score',
  'integration',
  'health',
  'health_round',
  'on_strategy_team',
  'signed_latest_strategy',
];

/** The portfolio as CSV (RFC 4180 line endings); unshared figures are empty cells (never 0). */
export function portfolioCsv(rows: readonly PartnerSummary[]): string {
  return csvTable(
    header,
    rows.map((r) => {
      const health = healthOf(r.health?.dimensions);
      return [
        r.firm.name,
        r.firm.chainRole,
        r.relationshipStage,
        r.spectrum?.stage,
        r.spectrum ? r.spectrum.position.toFixed(3) : null,
        r.spectrum?.agreement != null ? r.spectrum.agreement.toFixed(3) : null,
        r.sponsor?.name,
        r.revenue,
        r.customers,
        r.visibility,
        r.datasets
          .map(
            (d) =>
              `${d.dataset}:${d.level ?? 'not_shared'}${d.hoursSinceLoad != null ? `@${Math.floor(d.hoursSinceLoad)}h` : ''}`,
          )
          .join(' '),
        r.scorecardScore != null ? r.scorecardScore.toFixed(2) : null,
        r.integration != null ? r.integration.toFixed(2) : null,
        health != null ? health.toFixed(2) : null,
        r.health?.roundTitle,
        r.onStrategyTeam,
        r.signedLatestStrategy,
      ];
    }),
    { lineEnding: '\r\n' },
  );
}
