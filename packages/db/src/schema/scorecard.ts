// The balanced scorecard: a network's scorecards (the focal firm defines them, from the default joint
// template or from scratch), their measures (library measures computed from the exchange, or manual
// ones typed in by their owner firm), and per period: the values computed for each member firm from
// what that firm may see (for the whole chain and for each partner), manual values, comments, actions
// on red measures and the partners' sign-offs of the measures and targets. A closed period never
// changes (the database refuses it).
import {
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { firms, users } from './identity.ts';
import { networks } from './networks.ts';

export const periodKind = pgEnum('period_kind', ['month', 'quarter', 'year']);
export const perspective = pgEnum('perspective', [
  'financial',
  'customer',
  'internal_process',
  'learning_growth',
  'relationship',
]);
export const measureDirection = pgEnum('measure_direction', ['higher', 'lower']);
export const periodStatus = pgEnum('period_status', ['open', 'closed']);
export const measureStatus = pgEnum('measure_status', ['green', 'amber', 'red', 'missing']);
export const actionStatus = pgEnum('action_status', ['open', 'in_progress', 'done']);

/** Weights of the perspectives in the scorecard's score; a perspective left out weighs 1. */
export type PerspectiveWeights = Partial<Record<(typeof perspective.enumValues)[number], number>>;

export const scorecards = pgTable(
  'scorecards',
  {
    id: uuid().primaryKey().defaultRandom(),
    networkId: uuid()
      .notNull()
      .references(() => networks.id),
    name: text().notNull(),
    periodKind: periodKind().notNull(),
    perspectiveWeights: jsonb().$type<PerspectiveWeights>().notNull().default({}),
    /** Goes up with every change of the measures or weights; a sign-off is of one version. */
    version: integer().notNull().default(1),
    createdByFirmId: uuid()
      .notNull()
      .references(() => firms.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique().on(t.networkId, t.name)],
);

export const scorecardMeasures = pgTable(
  'scorecard_measures',
  {
    id: uuid().primaryKey().defaultRandom(),
    networkId: uuid()
      .notNull()
      .references(() => networks.id),
    scorecardId: uuid()
      .notNull()
      .references(() => scorecards.id),
    perspective: perspective().notNull(),
    /** A library measure's code (computed from the exchange); null for a manual measure. */
    code: text(),
    name: text().notNull(),
    definition: text().notNull(),
    unit: text().notNull(),
    direction: measureDirection().notNull(),
    target: doublePrecision().notNull(),
    green: doublePrecision().notNull(),
    red: doublePrecision().notNull(),
    weight: doublePrecision().notNull(),
    /** The firm answerable for the measure (and, for a manual one, the one that enters its values). */
    ownerFirmId: uuid()
      .notNull()
      .references(() => firms.id),
    position: integer().notNull(),
    /** Removed from the scorecard: kept for the periods that scored it. */
    retiredAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.scorecardId, t.position)],
);

export const scorecardPeriods = pgTable(
  'scorecard_periods',
  {
    id: uuid().primaryKey().defaultRandom(),
    networkId: uuid()
      .notNull()
      .references(() => networks.id),
    scorecardId: uuid()
      .notNull()
      .references(() => scorecards.id),
    startsOn: date().notNull(),
    /** The day after the period's last day. */
    endsBefore: date().notNull(),
    status: periodStatus().notNull().default('open'),
    closedAt: timestamp({ withTimezone: true }),
    closedByUserId: uuid().references(() => users.id),
  },
  (t) => [unique().on(t.scorecardId, t.startsOn)],
);

/** What a value was computed from, for the drill-down: per firm, the batches and rows or groups. */
export interface ValueTrace {
  firms: {
    firmId: string;
    /** own data, granted at customer or aggregate level, or feed health every member sees (catalog) */
    level: 'own' | 'customer' | 'aggregate' | 'catalog';
    datasets: Record<string, { batches: string[]; rows: number; customers: number }>;
  }[];
  /** Inputs of the measure's formula (numerator, denominator, ...) as computed. */
  inputs: Record<string, number | null>;
  /** Where customer-value inputs came from: the firm's feature snapshot used. */
  snapshotId?: string | null;
  manual?: { value: number; comment: string; enteredAt: string } | null;
}

/**
 * A measure's value in a period as one member firm (the viewer) computes it from what it may see:
 * for the whole chain (subject null) or for one partner firm. The measure's settings are copied in,
 * so a closed period keeps the targets it was scored against.
 */
export const scorecardValues = pgTable(
  'scorecard_values',
  {
    id: uuid().primaryKey().defaultRandom(),
    networkId: uuid()
      .notNull()
      .references(() => networks.id),
    periodId: uuid()
      .notNull()
      .references(() => scorecardPeriods.id),
    measureId: uuid()
      .notNull()
      .references(() => scorecardMeasures.id),
    viewerFirmId: uuid()
      .notNull()
      .references(() => firms.id),
    subjectFirmId: uuid().references(() => firms.id),
    actual: doublePrecision(),
    previous: doublePrecision(),
    score: doublePrecision(),
    status: measureStatus().notNull(),
    direction: measureDirection().notNull(),
    target: doublePrecision().notNull(),
    green: doublePrecision().notNull(),
    red: doublePrecision().notNull(),
    weight: doublePrecision().notNull(),
    trace: jsonb().$type<ValueTrace>().notNull(),
    computedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique().on(t.periodId, t.viewerFirmId, t.subjectFirmId, t.measureId).nullsNotDistinct()],
);

/** A manual measure's value in a period, entered by the measure's owner firm with a comment. */
export const manualMeasureValues = pgTable(
  'manual_measure_values',
  {
    id: uuid().primaryKey().defaultRandom(),
    networkId: uuid()
      .notNull()
      .references(() => networks.id),
    periodId: uuid()
      .notNull()
      .references(() => scorecardPeriods.id),
    measureId: uuid()
      .notNull()
      .references(() => scorecardMeasures.id),
    /** For one partner; null for the whole chain. */
    subjectFirmId: uuid().references(() => firms.id),
    value: doublePrecision().notNull(),
    comment: text().notNull(),
    enteredByFirmId: uuid()
      .notNull()
      .references(() => firms.id),
    enteredByUserId: uuid()
      .notNull()
      .references(() => users.id),
    enteredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique().on(t.periodId, t.measureId, t.subjectFirmId).nullsNotDistinct()],
);

export const scorecardComments = pgTable(
  'scorecard_comments',
  {
    id: uuid().primaryKey().defaultRandom(),
    networkId: uuid()
      .notNull()
      .references(() => networks.id),
    periodId: uuid()
      .notNull()
      .references(() => scorecardPeriods.id),
    measureId: uuid()
      .notNull()
      .references(() => scorecardMeasures.id),
    firmId: uuid()
      .notNull()
      .references(() => firms.id),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.periodId, t.measureId, t.createdAt)],
);

export const scorecardActions = pgTable(
  'scorecard_actions',
  {
    id: uuid().primaryKey().defaultRandom(),
    networkId: uuid()
      .notNull()
      .references(() => networks.id),
    periodId: uuid()
      .notNull()
      .references(() => scorecardPeriods.id),
    measureId: uuid()
      .notNull()
      .references(() => scorecardMeasures.id),
    title: text().notNull(),
    ownerFirmId: uuid()
      .notNull()
      .references(() => firms.id),
    dueOn: date().notNull(),
    status: actionStatus().notNull().default('open'),
    createdByFirmId: uuid()
      .notNull()
      .references(() => firms.id),
    createdByUserId: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.networkId, t.status, t.dueOn)],
);

/** A partner firm agreeing to a period's measures and targets, as of one scorecard version. */
export const scorecardSignoffs = pgTable(
  'scorecard_signoffs',
  {
    id: uuid().primaryKey().defaultRandom(),
    networkId: uuid()
      .notNull()
      .references(() => networks.id),
    periodId: uuid()
      .notNull()
      .references(() => scorecardPeriods.id),
    firmId: uuid()
      .notNull()
      .references(() => firms.id),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    version: integer().notNull(),
    signedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique().on(t.periodId, t.firmId, t.version)],
);
