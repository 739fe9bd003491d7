// The model diagnostics of the Segmentation page: what the form asks for (read from the page's URL, so the
// check works without client JS and can be linked to), the API's answers, and the words the section uses.
import type { paths } from '@accord/api-client';

type DiagnosticsOperation = paths['/v1/networks/{networkId}/clv-model/diagnostics']['get'];
type ModelOperation = paths['/v1/networks/{networkId}/clv-model']['get'];

export type DiagnosticsQuery = NonNullable<DiagnosticsOperation['parameters']['query']>;
export type ClvDiagnostics = DiagnosticsOperation['responses'][200]['content']['application/json'];
export type ClvModel = ModelOperation['responses'][200]['content']['application/json'];
export type CalibrationBin = NonNullable<ClvDiagnostics['calibrationVsHoldout']>['bins'][number];
export type TrackingPeriod = NonNullable<ClvDiagnostics['tracking']>['periods'][number];
export type FrequencyRecency = NonNullable<ClvDiagnostics['frequencyRecency']>;
export type ModelFit = ClvModel['comparison'][number];

/** The URL parameter that asks for the diagnostics (the form's fields may all be left blank). */
export const DIAGNOSTICS_PARAM = 'diagnostics';

/** The form's fields from the page's URL; null when the diagnostics were not asked for. */
export function diagnosticsQuery(url: URL): DiagnosticsQuery | null {
  if (!url.searchParams.has(DIAGNOSTICS_PARAM)) return null;
  const text = (name: string) => url.searchParams.get(name)?.trim() || undefined;
  const unit = text('timeUnit');
  const calibrationEnd = text('calibrationEnd');
  const holdoutEnd = text('holdoutEnd');
  return {
    ...(calibrationEnd ? { calibrationEnd } : {}),
    ...(holdoutEnd ? { holdoutEnd } : {}),
    timeUnit: unit === 'day' ? 'day' : 'week',
  };
}

const modelNames: Record<ModelFit['model'], string> = {
  bg_nbd: 'BG/NBD',
  modified_bg_nbd: 'Modified BG/NBD',
  pareto_nbd: 'Pareto/NBD',
};
export const modelName = (model: ModelFit['model']): string => modelNames[model];

/** "0–6" then "7+" for the last bin. */
export const binLabel = (bin: Pick<CalibrationBin, 'frequency' | 'orMore'>): string =>
  bin.orMore ? `${bin.frequency}+` : String(bin.frequency);

/** The time unit in words, for one or many. */
export const unitWord = (unit: ClvDiagnostics['timeUnit'], count = 2): string =>
  unit === 'week' ? (count === 1 ? 'week' : 'weeks') : count === 1 ? 'day' : 'days';

/** The names of the BG/NBD parameters, as the section prints them. */
export const bgNbdParameters = [
  ['r', 'r'],
  ['alpha', 'α'],
  ['a', 'a'],
  ['b', 'b'],
] as const;
