// The portfolio's sortable columns: where a header links, and how it reads to a screen reader.
import { resolve } from '$app/paths';
import { withQuery } from '$lib/links';
import type { PortfolioSort, SortOrder } from '$lib/relationships';

export interface PortfolioOrder {
  sort: PortfolioSort;
  order: SortOrder;
}

/** The link a sortable column header points at: this column, the other order when it is already sorted by it. */
export function sortHref(current: PortfolioOrder, column: PortfolioSort) {
  const order =
    current.sort === column ? (current.order === 'asc' ? 'desc' : 'asc') : column === 'firm' ? 'asc' : 'desc';
  return withQuery(resolve('/partners'), { sort: column, order });
}

export function ariaSort(current: PortfolioOrder, column: PortfolioSort): 'ascending' | 'descending' | undefined {
  return current.sort === column ? (current.order === 'asc' ? 'ascending' : 'descending') : undefined;
}

/** The portfolio as CSV, in the order shown. */
export const csvHref = (current: PortfolioOrder) =>
  withQuery(resolve('/partners/partners.csv'), { sort: current.sort, order: current.order });
