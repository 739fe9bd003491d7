// Links of the Segmentation page: a joint segment's customers and the customer features CSV.
import { resolve } from '$app/paths';
import { withQuery } from '$lib/links';

/** The page with one segment's customers listed. */
export const segmentCustomersLink = (segment: string) =>
  withQuery(resolve('/segmentation'), { segment }, 'segment-customers');

/** The customer features CSV, of every customer or of one segment's. */
export const featuresCsvLink = (segment?: string) =>
  withQuery(resolve('/segmentation/customer-features.csv'), segment ? { segment } : {});
