// The customer-value models fitted on demand, over everything the acting firm may see (row-level
// security decides): BG/NBD and Gamma-Gamma up to a calibration end with the alternatives ranked, and
// the BG/NBD fit's diagnostics against a holdout after it. Reading partners' data is written to their
// access logs.
import { query, type Transaction } from '@accord/db';
import { addDays, daysBetween, todayUtc } from '@accord/domain';
import {
  CustomerColumns,
  customerAggregates,
  defaultCalibrationEnd,
  fitCustomerModels,
  logOtherFirmsReads,
  modelDiagnostics,
  salesSource,
  visibleSellers,
  type CustomerAggregateRow,
} from '@accord/analytics';
import { ApiProblem } from '../../http/problems.ts';
import type { NetworkMember } from '../../plugins/network-access.ts';

/**
 * Fits BG/NBD and Gamma-Gamma on the purchases up to and including `calibrationEnd`, from everything the
 * firm may see (same-day purchases are one transaction).
 */
export async function clvModel(
  tx: Transaction,
  networkId: string,
  firmId: string,
  calibrationEnd: string,
  timeUnit: 'day' | 'week',
) {
  const sellers = await visibleSellers(tx, networkId, firmId);
  const source = await salesSource(tx, networkId, calibrationEnd, sellers);
  const rows = await query<CustomerAggregateRow>(tx, customerAggregates(networkId, calibrationEnd, sellers, source));
  const histories = new CustomerColumns();
  for (const row of rows) histories.push(row);
  histories.trim();
  const { models } = fitCustomerModels(histories, timeUnit === 'week' ? 7 : 1, { compare: true });
  const oldest = rows.reduce((m, r) => Math.max(m, Number(r.age_days)), 0);
  return {
    calibrationStart: rows.length ? addDays(calibrationEnd, -oldest) : null,
    calibrationEnd,
    timeUnit,
    customers: models.fittedCustomers,
    repeatCustomers: models.repeatCustomers,
    distinctHistories: models.distinctHistories ?? 0,
    bgNbd: models.bgNbd,
    gammaGamma: models.gammaGamma,
    comparison: models.comparison ?? [],
  };
}

/** The models fitted on demand; reading partners' data is written to their access logs. */
export async function fitClvModel(
  tx: Transaction,
  member: NetworkMember,
  params: { calibrationEnd?: string | undefined; timeUnit?: 'day' | 'week' | undefined },
) {
  const { networkId } = member;
  const { calibrationEnd = todayUtc(), timeUnit = 'week' } = params;
  const model = await clvModel(tx, networkId, member.firmId, calibrationEnd, timeUnit);
  await logOtherFirmsReads(tx, member, networkId, calibrationEnd, 'clv model');
  return model;
}

/** The longest holdout the diagnostics take: ten years. */
const LONGEST_HOLDOUT_DAYS = 3660;

/**
 * The BG/NBD fit on the purchases up to the calibration end, checked against the same customers'
 * purchases up to the holdout end; reading partners' transactions is written to their access logs.
 */
export async function clvModelDiagnostics(
  tx: Transaction,
  member: NetworkMember,
  params: {
    calibrationEnd?: string | undefined;
    holdoutEnd?: string | undefined;
    timeUnit?: 'day' | 'week' | undefined;
  },
) {
  const { networkId } = member;
  const { holdoutEnd = todayUtc(), timeUnit = 'week' } = params;
  const holdoutEndIs = params.holdoutEnd ? holdoutEnd : `${holdoutEnd}, today by default`;
  if (params.calibrationEnd !== undefined && params.calibrationEnd >= holdoutEnd) {
    throw new ApiProblem(
      400,
      'holdout_not_after_calibration',
      'Bad request',
      `holdoutEnd (${holdoutEndIs}) must be after calibrationEnd (${params.calibrationEnd}): ` +
        'choose a later holdoutEnd or an earlier calibrationEnd.',
      [{ path: 'querystring/holdoutEnd', message: 'must be after calibrationEnd' }],
    );
  }
  if (params.calibrationEnd !== undefined && daysBetween(params.calibrationEnd, holdoutEnd) > LONGEST_HOLDOUT_DAYS) {
    throw new ApiProblem(
      400,
      'holdout_too_long',
      'Bad request',
      `The holdout from calibrationEnd (${params.calibrationEnd}) to holdoutEnd (${holdoutEndIs}) is longer than ` +
        `${LONGEST_HOLDOUT_DAYS} days: choose a later calibrationEnd or an earlier holdoutEnd.`,
      [{ path: 'querystring/holdoutEnd', message: `at most ${LONGEST_HOLDOUT_DAYS} days after calibrationEnd` }],
    );
  }
  const calibrationEnd =
    params.calibrationEnd ?? (await defaultCalibrationEnd(tx, networkId, holdoutEnd, LONGEST_HOLDOUT_DAYS));
  const diagnostics = await modelDiagnostics(tx, networkId, { calibrationEnd, holdoutEnd, timeUnit });
  await logOtherFirmsReads(tx, member, networkId, holdoutEnd, 'clv model diagnostics', ['transactions']);
  return diagnostics;
}
