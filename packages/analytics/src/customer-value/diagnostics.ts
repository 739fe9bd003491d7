// The BG/NBD diagnostics of a firm's customer-value model: the model fitted as the CLV model endpoint
// fits it, on the purchases up to a calibration end, and held against what the same customers did up to
// a holdout end (calibration vs holdout, tracking of the cohort's repeat purchases) along with the
// frequency/recency matrix of its predictions. Reads run in the caller's tenant transaction.
import { query, type Transaction } from '@accord/db';
import {
  addDays,
  calibrationVsHoldout,
  daysBetween,
  frequencyRecencyMatrix,
  purchaseTracking,
  type BgNbdParams,
} from '@accord/domain';
import {
  cohortDays,
  firstPurchaseDay,
  holdoutCustomers,
  type CohortDayRow,
  type HoldoutCustomerRow,
} from './diagnostics.queries.ts';
import { fitCustomerModels } from './models.ts';

export interface DiagnosticsRequest {
  /** Last day of calibration, before the holdout end. */
  calibrationEnd: string;
  /** Last day of the holdout. */
  holdoutEnd: string;
  timeUnit: 'day' | 'week';
}

/**
 * Halfway from the first purchase the firm sees to the holdout end, as Fader, Hardie & Lee split
 * CDNOW's 78 weeks; the day before the holdout end at the latest, and a holdout of at most
 * `longestHoldoutDays`.
 */
export async function defaultCalibrationEnd(
  tx: Transaction,
  networkId: string,
  holdoutEnd: string,
  longestHoldoutDays: number,
) {
  const [first] = await query<{ day: string | null }>(tx, firstPurchaseDay(networkId, holdoutEnd));
  const latest = addDays(holdoutEnd, -1);
  const earliest = addDays(holdoutEnd, -longestHoldoutDays);
  if (!first?.day) return latest;
  const middle = addDays(first.day, Math.floor(daysBetween(first.day, holdoutEnd) / 2));
  return middle > latest ? latest : middle < earliest ? earliest : middle;
}

/** One key per distinct (x, span, age, holdout) of whole days: the diagnostics depend on customers through these alone. */
const historyKey = (row: HoldoutCustomerRow) => `${row.days},${row.span_days},${row.age_days},${row.holdout_days}`;

export async function modelDiagnostics(tx: Transaction, networkId: string, request: DiagnosticsRequest) {
  const { calibrationEnd, holdoutEnd, timeUnit } = request;
  const unitDays = timeUnit === 'week' ? 7 : 1;
  const rows = await query<HoldoutCustomerRow>(tx, holdoutCustomers(networkId, calibrationEnd, holdoutEnd));

  const n = rows.length;
  const histories = {
    length: n,
    days: new Float64Array(n),
    spanDays: new Float64Array(n),
    ageDays: new Float64Array(n),
    zbar: new Float64Array(n),
  };
  const distinct = new Map<string, number>();
  const weighted = { x: [] as number[], tx: [] as number[], T: [] as number[], holdout: [] as number[] };
  const weight: number[] = [];
  let oldest = 0;
  rows.forEach((row, i) => {
    histories.days[i] = row.days;
    histories.spanDays[i] = row.span_days;
    histories.ageDays[i] = row.age_days;
    histories.zbar[i] = row.days > 1 ? row.repeat_amount / (row.days - 1) : 0;
    oldest = Math.max(oldest, row.age_days);
    const key = historyKey(row);
    const at = distinct.get(key);
    if (at !== undefined) {
      weight[at]!++;
      return;
    }
    distinct.set(key, weight.length);
    weighted.x.push(row.days - 1);
    weighted.tx.push(row.span_days / unitDays);
    weighted.T.push(row.age_days / unitDays);
    weighted.holdout.push(row.holdout_days);
    weight.push(1);
  });
  const { models } = fitCustomerModels(histories, unitDays);
  const base = {
    calibrationStart: n ? addDays(calibrationEnd, -oldest) : null,
    calibrationEnd,
    holdoutEnd,
    timeUnit,
    holdoutLength: daysBetween(calibrationEnd, holdoutEnd) / unitDays,
    customers: models.fittedCustomers,
    repeatCustomers: models.repeatCustomers,
    bgNbd: models.bgNbd,
  };
  if (!models.bgNbd) return { ...base, calibrationVsHoldout: null, tracking: null, frequencyRecency: null };

  const params: BgNbdParams = { r: models.bgNbd.r, alpha: models.bgNbd.alpha, a: models.bgNbd.a, b: models.bgNbd.b };
  const data = { ...weighted, weight };
  const { bins, actual, expected } = calibrationVsHoldout(params, data, base.holdoutLength);

  const start = base.calibrationStart!;
  const span = daysBetween(start, holdoutEnd) + 1;
  const firstPurchases = new Float64Array(span);
  const repeatPurchases = new Float64Array(span);
  for (const day of await query<CohortDayRow>(tx, cohortDays(networkId, calibrationEnd, holdoutEnd))) {
    const at = daysBetween(start, day.day);
    firstPurchases[at] = day.first_purchases;
    repeatPurchases[at] = day.repeat_purchases;
  }
  const periods = purchaseTracking(
    params,
    { start, firstPurchases, repeatPurchases },
    { calibrationEnd, holdoutEnd, unitDays },
  );
  return {
    ...base,
    calibrationVsHoldout: { bins, actual, expected },
    tracking: { periods },
    frequencyRecency: frequencyRecencyMatrix(params, data),
  };
}
