// Words the UI uses for the API's codes, and small formatting helpers (shared by server and browser).
import { chainRoles, firmRoles, hasRole, relationshipStages } from '@accord/domain/vocabulary';
import type { ChainRole, FirmRole, MembershipStatus, RelationshipStage } from './types';

export { chainRoles, firmRoles, hasRole, relationshipStages };

const firmRoleLabels: Record<FirmRole, string> = {
  firm_admin: 'Firm admin',
  manager: 'Manager',
  analyst: 'Analyst',
  viewer: 'Viewer',
};
const chainRoleLabels: Record<ChainRole, string> = {
  manufacturer: 'Manufacturer',
  supplier: 'Supplier',
  distributor: 'Distributor',
  retailer: 'Retailer',
  logistics_provider: 'Logistics provider',
};
const stageLabels: Record<RelationshipStage, string> = {
  transactional: 'Transactional',
  value_adding: 'Value-adding',
  collaborative: 'Collaborative',
};
const statusLabels: Record<MembershipStatus, string> = {
  invited: 'Invited',
  active: 'Active',
  declined: 'Declined',
};

export const firmRoleLabel = (role: FirmRole): string => firmRoleLabels[role];
export const chainRoleLabel = (role: ChainRole): string => chainRoleLabels[role];
export const stageLabel = (stage: RelationshipStage): string => stageLabels[stage];
export const statusLabel = (status: MembershipStatus): string => statusLabels[status];

export function isFirmRole(value: unknown): value is FirmRole {
  return typeof value === 'string' && (firmRoles as readonly string[]).includes(value);
}
export function isChainRole(value: unknown): value is ChainRole {
  return typeof value === 'string' && (chainRoles as readonly string[]).includes(value);
}
export function isRelationshipStage(value: unknown): value is RelationshipStage {
  return typeof value === 'string' && (relationshipStages as readonly string[]).includes(value);
}

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
  timeZoneName: 'short',
});

/** A date as "15 Jan 2025" (UTC, so server and browser render the same text). */
export function formatDate(iso: string | null | undefined): string {
  return iso ? dateFormat.format(new Date(iso)) : '—';
}
export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dateTimeFormat.format(new Date(iso)) : '—';
}

/** A span of seconds in its largest whole unit: 75 → "1 min", 7500 → "2 h". */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)} h`;
  return `${Math.floor(seconds / 86400)} d`;
}
