// How Customer 360 writes its figures: money in its currency, exact quantities, channel names and the
// action that asks a partner for hidden data.
import { resolve } from '$app/paths';
import { withQuery } from '$lib/links';
import type { Customer360 } from '$lib/types';

type ShipmentStatus = Customer360['shipments'][number]['status'];

export const shipmentLabels: Record<ShipmentStatus, string> = {
  on_time: 'On time',
  late: 'Late',
  in_transit: 'In transit',
  overdue: 'Overdue',
};

export function money(amount: string, currency: string): string {
  const value = Number(amount);
  if (!Number.isFinite(value)) return `${amount} ${currency}`;
  try {
    return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(value);
  } catch {
    return `${value.toFixed(2)} ${currency}`;
  }
}

/** An exact decimal as sent ("3.500000"), without its trailing zeros: 3.5. */
export function quantity(amount: string): string {
  const value = Number(amount);
  return Number.isFinite(value) ? new Intl.NumberFormat('en-GB', { maximumFractionDigits: 6 }).format(value) : amount;
}

export const channelLabel = (channel: string) => channel.charAt(0).toUpperCase() + channel.slice(1).replace(/_/g, ' ');

/** The `request` action, on the page of the customer (so the answer shows the same customer). */
export const requestAction = (key: string) => `${withQuery(resolve('/customers'), { key })}&/request`;
