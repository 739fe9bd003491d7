// Reading a snapshot's customer features as the API answers them: the answered columns of the feature
// spec, money as exact text.
import { answeredFeatures, featureKind } from '@accord/domain';
import { sql } from 'drizzle-orm';

/** The select list of the answered features (`monetary::text as monetary, ...`). */
export const answeredFeatureSelect = sql.raw(
  answeredFeatures
    .map((column) => (featureKind(column) === 'money' ? `${column}::text as ${column}` : column))
    .join(', '),
);
