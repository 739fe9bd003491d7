// Sharing agreements' words and shapes, shared by server and browser: level and status labels, the terms and
// period of an agreement as text, and the "who shares what with whom" matrix built from the agreements a
// firm can see.
import { agreementStatuses, sharingLevels } from '@accord/domain/vocabulary';
import { datasets } from './exchange';
import { formatDate } from './format';
import type { Agreement, AgreementStatus, Dataset, SharingLevel } from './types';

export { agreementStatuses, sharingLevels };

/** k: aggregate results only for groups of at least this many distinct customers (the API's default and floor). */
export const DEFAULT_MIN_GROUP_SIZE = 50;
export const MIN_GROUP_SIZE = 2;
export const MAX_GROUP_SIZE = 1_000_000;

const levelLabels: Record<SharingLevel, string> = { customer: 'Customer level', aggregate: 'Aggregate' };
const levelDescriptions: Record<SharingLevel, string> = {
  customer: 'pseudonymous rows and per-customer results',
  aggregate: 'only results for groups of at least k customers',
};

export const levelLabel = (level: SharingLevel): string => levelLabels[level];
export const levelDescription = (level: SharingLevel): string => levelDescriptions[level];

export function isSharingLevel(value: unknown): value is SharingLevel {
  return typeof value === 'string' && (sharingLevels as readonly string[]).includes(value);
}
export function isAgreementStatus(value: unknown): value is AgreementStatus {
  return typeof value === 'string' && (agreementStatuses as readonly string[]).includes(value);
}

/** An agreement's terms in a few words: "Customer level", "Aggregate, k = 50". */
export function termsText(terms: { level: SharingLevel; minGroupSize: number }): string {
  return terms.level === 'aggregate' ? `Aggregate, k = ${terms.minGroupSize}` : levelLabel(terms.level);
}

/** "From 5 Jun 2025" (until revoked) or "5 Jun 2025 – 31 Dec 2025" (the end is the last day). */
export function periodText(startsOn: string, endsOn: string | null): string {
  return endsOn ? `${formatDate(startsOn)} – ${formatDate(endsOn)}` : `From ${formatDate(startsOn)}`;
}

/**
 * Where an agreement stands today: its status, except that an active one outside its dates is scheduled
 * (not started yet) or ended (past its last day). `today` is YYYY-MM-DD.
 */
export type AgreementPhase = AgreementStatus | 'scheduled' | 'ended';

export function agreementPhase(agreement: Agreement, today: string): AgreementPhase {
  if (agreement.status !== 'active' || agreement.inEffect) return agreement.status;
  return agreement.startsOn > today ? 'scheduled' : 'ended';
}

const phaseLabels: Record<AgreementPhase, string> = {
  requested: 'Requested',
  active: 'Active',
  scheduled: 'Scheduled',
  ended: 'Ended',
  declined: 'Declined',
  revoked: 'Revoked',
};
/** The existing badge colours (app.css) for each phase. */
const phaseBadges: Record<AgreementPhase, string> = {
  requested: 'pending',
  active: 'active',
  scheduled: 'pending',
  ended: 'expired',
  declined: 'declined',
  revoked: 'revoked',
};

export const phaseLabel = (phase: AgreementPhase): string => phaseLabels[phase];
export const phaseBadge = (phase: AgreementPhase): string => `badge-${phaseBadges[phase]}`;

/**
 * k from a form field: empty means the default, otherwise a whole number (null when it is not one; the API
 * judges the range and says so).
 */
export function parseMinGroupSize(text: string): number | null {
  const value = text.trim();
  if (value === '') return DEFAULT_MIN_GROUP_SIZE;
  return /^\d{1,9}$/.test(value) ? Number(value) : null;
}

export interface FirmRef {
  id: string;
  name: string;
}

/** One line of a matrix cell: to whom (null: the whole network) and on which terms, and how many agreements say so. */
export interface MatrixEntry {
  grantee: FirmRef | null;
  level: SharingLevel;
  /** k at aggregate level; 0 at customer level. */
  minGroupSize: number;
  count: number;
}

export interface MatrixRow {
  owner: FirmRef;
  cells: Record<Dataset, MatrixEntry[]>;
}

function emptyCells(): Record<Dataset, MatrixEntry[]> {
  return Object.fromEntries(datasets.map((d) => [d, [] as MatrixEntry[]])) as Record<Dataset, MatrixEntry[]>;
}

function byEntry(a: MatrixEntry, b: MatrixEntry): number {
  if (!a.grantee !== !b.grantee) return a.grantee ? 1 : -1; // the whole network first
  const names = (a.grantee?.name ?? '').localeCompare(b.grantee?.name ?? '');
  if (names !== 0) return names;
  if (a.level !== b.level) return a.level === 'customer' ? -1 : 1;
  return a.minGroupSize - b.minGroupSize;
}

/**
 * Who shares what with whom: a row per owner firm (the given firms in their order, then any other owner met in
 * the agreements), a cell per dataset listing the agreements in effect today from that owner for that dataset.
 * Agreements with the same grantee and terms are one entry with a count. k only counts at aggregate level.
 */
export function sharingMatrix(firms: readonly FirmRef[], agreements: readonly Agreement[]): MatrixRow[] {
  const rows = new Map<string, MatrixRow>();
  for (const firm of firms) rows.set(firm.id, { owner: { id: firm.id, name: firm.name }, cells: emptyCells() });
  const others: MatrixRow[] = [];
  const seen = new Set<string>();
  for (const agreement of agreements) {
    if (!agreement.inEffect || seen.has(agreement.id)) continue;
    seen.add(agreement.id);
    let row = rows.get(agreement.owner.id);
    if (!row) {
      row = { owner: { ...agreement.owner }, cells: emptyCells() };
      rows.set(agreement.owner.id, row);
      others.push(row);
    }
    const minGroupSize = agreement.level === 'aggregate' ? agreement.minGroupSize : 0;
    const cell = row.cells[agreement.dataset];
    const same = cell.find(
      (e) =>
        (e.grantee?.id ?? null) === (agreement.grantee?.id ?? null) &&
        e.level === agreement.level &&
        e.minGroupSize === minGroupSize,
    );
    if (same) same.count += 1;
    else {
      cell.push({
        grantee: agreement.grantee ? { ...agreement.grantee } : null,
        level: agreement.level,
        minGroupSize,
        count: 1,
      });
    }
  }
  others.sort((a, b) => a.owner.name.localeCompare(b.owner.name));
  const ordered = [...firms.map((f) => rows.get(f.id)!), ...others];
  for (const row of ordered) for (const dataset of datasets) row.cells[dataset].sort(byEntry);
  return ordered;
}

/** How many agreements in effect the matrix shows. */
export function matrixCount(rows: readonly MatrixRow[]): number {
  return rows.reduce(
    (sum, row) => sum + datasets.reduce((n, d) => n + row.cells[d].reduce((m, e) => m + e.count, 0), 0),
    0,
  );
}
