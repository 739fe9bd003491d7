// The words Accord shares across its parts: the database's enums take their values from these lists,
// the API's schemas and the command line offer them, the portal labels each one. Declared once here, so
// adding a dataset or a role is one edit that the compiler then walks through every label map.
// Pure and dependency-free: the portal imports it in the browser (`@accord/domain/vocabulary`).
// The order of each list is the order of its database enum: reordering one changes the schema.

/** The data exchange's feed datasets, in the order they are listed everywhere. */
export const datasets = ['transactions', 'shipments', 'service_cases', 'activities'] as const;
export type Dataset = (typeof datasets)[number];

/** A feed batch's life: `receiving` while its body is still arriving, then queued, checked, loaded. */
export const batchStatuses = ['receiving', 'received', 'validating', 'loading', 'succeeded', 'failed'] as const;
export type BatchStatus = (typeof batchStatuses)[number];

export const feedFormats = ['csv', 'ndjson'] as const;
export type FeedFormat = (typeof feedFormats)[number];

/** What a batch does with invalid rows: load the rest, or refuse the whole file. */
export const onErrorModes = ['skip', 'reject'] as const;
export type OnErrorMode = (typeof onErrorModes)[number];

/** Where a transaction happened. */
export const salesChannels = ['store', 'web', 'mobile', 'phone', 'marketplace', 'other'] as const;
export type SalesChannel = (typeof salesChannels)[number];

/** A firm's place in the value chain. */
export const chainRoles = ['manufacturer', 'supplier', 'distributor', 'retailer', 'logistics_provider'] as const;
export type ChainRole = (typeof chainRoles)[number];

/** A person's role in their firm, most powerful first. */
export const firmRoles = ['firm_admin', 'manager', 'analyst', 'viewer'] as const;
export type FirmRole = (typeof firmRoles)[number];

// Higher outranks lower; a role may do whatever a role it outranks may do.
const firmRoleRank: Record<FirmRole, number> = { viewer: 0, analyst: 1, manager: 2, firm_admin: 3 };

/** Whether `role` is at least `least` (firm_admin > manager > analyst > viewer). */
export function hasRole(role: FirmRole, least: FirmRole): boolean {
  return firmRoleRank[role] >= firmRoleRank[least];
}

/** A firm's membership of a network: invited by the focal firm, then accepted or declined. */
export const membershipStatuses = ['invited', 'active', 'declined'] as const;
export type MembershipStatus = (typeof membershipStatuses)[number];

/** How far a partner relationship has come (transactional to collaborative). */
export const relationshipStages = ['transactional', 'value_adding', 'collaborative'] as const;
export type RelationshipStage = (typeof relationshipStages)[number];

/** How much of a dataset an agreement shows: pseudonymous rows, or groups of at least k customers. */
export const sharingLevels = ['customer', 'aggregate'] as const;
export type SharingLevel = (typeof sharingLevels)[number];

export const agreementStatuses = ['requested', 'active', 'declined', 'revoked'] as const;
export type AgreementStatus = (typeof agreementStatuses)[number];
