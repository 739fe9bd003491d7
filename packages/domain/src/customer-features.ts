// The customer features of a snapshot, once: the columns a customer-value recompute writes (in this
// order), which of them a segmentation scheme may use in its rules, which the API answers per customer
// and which the CSV export carries. The recompute, the API's queries and schemas and scheme validation
// all take their lists from here.

/** How a feature is kept: money is exact (numeric in the database, text in JSON and CSV). */
export type CustomerFeatureKind = 'key' | 'integer' | 'number' | 'money' | 'category' | 'json';

export interface CustomerFeatureSpec {
  readonly column: string;
  readonly kind: CustomerFeatureKind;
  /** May be null: the models could not be fitted, there is no scheme, net revenue is not positive. */
  readonly nullable: boolean;
  /** A scheme's rules may test it. */
  readonly scheme: boolean;
  /** The API's customer rows answer it. */
  readonly answered: boolean;
  /** The CSV export of a snapshot carries it. */
  readonly csv: boolean;
}

export const customerFeatureSpecs = [
  { column: 'customer_key', kind: 'key', nullable: false, scheme: false, answered: true, csv: true },
  { column: 'recency_days', kind: 'integer', nullable: false, scheme: true, answered: true, csv: true },
  { column: 'frequency', kind: 'integer', nullable: false, scheme: true, answered: true, csv: true },
  { column: 'monetary', kind: 'money', nullable: false, scheme: true, answered: true, csv: true },
  { column: 'rfm_r', kind: 'integer', nullable: false, scheme: true, answered: true, csv: true },
  { column: 'rfm_f', kind: 'integer', nullable: false, scheme: true, answered: true, csv: true },
  { column: 'rfm_m', kind: 'integer', nullable: false, scheme: true, answered: true, csv: true },
  { column: 'rfm_segment', kind: 'category', nullable: false, scheme: true, answered: true, csv: true },
  { column: 'expected_purchases_12m', kind: 'number', nullable: true, scheme: true, answered: true, csv: true },
  { column: 'p_alive', kind: 'number', nullable: true, scheme: true, answered: true, csv: true },
  { column: 'clv_12m', kind: 'number', nullable: true, scheme: true, answered: true, csv: true },
  { column: 'clv_percentile', kind: 'number', nullable: true, scheme: true, answered: false, csv: false },
  { column: 'net_revenue', kind: 'money', nullable: false, scheme: true, answered: true, csv: true },
  { column: 'cost_of_goods', kind: 'money', nullable: false, scheme: true, answered: true, csv: true },
  { column: 'cost_to_serve', kind: 'money', nullable: false, scheme: true, answered: true, csv: true },
  { column: 'profit', kind: 'money', nullable: false, scheme: true, answered: true, csv: true },
  { column: 'net_margin_pct', kind: 'number', nullable: true, scheme: false, answered: false, csv: false },
  { column: 'profit_percentile', kind: 'number', nullable: false, scheme: true, answered: false, csv: false },
  { column: 'quadrant', kind: 'category', nullable: true, scheme: true, answered: true, csv: true },
  { column: 'segment', kind: 'category', nullable: true, scheme: false, answered: true, csv: true },
  { column: 'channels', kind: 'integer', nullable: false, scheme: true, answered: true, csv: true },
  { column: 'wallet_shares', kind: 'json', nullable: false, scheme: false, answered: true, csv: false },
] as const satisfies readonly CustomerFeatureSpec[];

type Spec = (typeof customerFeatureSpecs)[number];
type ColumnOf<S> = S extends { column: infer C } ? C : never;

/** Every column of customer_features a recompute writes per customer, in the order it writes them. */
export type CustomerFeatureColumn = ColumnOf<Spec>;
export const customerFeatureColumns = customerFeatureSpecs.map((s) => s.column) as readonly CustomerFeatureColumn[];

function columnsWhere<S extends Spec>(keep: (spec: Spec) => spec is S): readonly ColumnOf<S>[] {
  return customerFeatureSpecs.filter(keep).map((s) => s.column as ColumnOf<S>);
}

/** The features a segmentation scheme's rules may test. */
export const schemeFeatures = columnsWhere((s): s is Extract<Spec, { scheme: true }> => s.scheme);
export type SchemeFeature = ColumnOf<Extract<Spec, { scheme: true }>>;

/** The features the API answers per customer. */
export const answeredFeatures = columnsWhere((s): s is Extract<Spec, { answered: true }> => s.answered);
export type AnsweredFeature = ColumnOf<Extract<Spec, { answered: true }>>;

/** The columns of a snapshot's CSV export, in order. */
export const csvFeatures = columnsWhere((s): s is Extract<Spec, { csv: true }> => s.csv);
export type CsvFeature = ColumnOf<Extract<Spec, { csv: true }>>;

/** The kind of a feature column. */
export function featureKind(column: CustomerFeatureColumn): CustomerFeatureKind {
  return customerFeatureSpecs.find((s) => s.column === column)!.kind;
}
