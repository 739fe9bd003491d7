// The joint scheme as the editor holds it: segments and conditions with ids (for keyed lists) and condition
// values as typed text, turned back into the scheme the `publish` action sends to the API.

export type SchemeOp = 'lt' | 'lte' | 'gt' | 'gte' | 'eq' | 'neq' | 'in';
type ConditionValue = number | string | (number | string)[];

export interface SchemeCondition {
  feature: string;
  op: SchemeOp;
  value: ConditionValue;
}
export interface SchemeSegment {
  name: string;
  conditions: SchemeCondition[];
  treatment: string;
  valueProposition: string;
}
export interface SchemeFeatureInfo {
  name: string;
  kind: 'number' | 'text';
}

export interface DraftCondition {
  id: number;
  feature: string;
  op: SchemeOp;
  value: string;
}
export interface DraftSegment {
  id: number;
  name: string;
  treatment: string;
  valueProposition: string;
  conditions: DraftCondition[];
}

/** The operators the editor offers, in its order. */
export const schemeOps: readonly { op: SchemeOp; label: string }[] = [
  { op: 'gte', label: '≥' },
  { op: 'gt', label: '>' },
  { op: 'lte', label: '≤' },
  { op: 'lt', label: '<' },
  { op: 'eq', label: '=' },
  { op: 'neq', label: '≠' },
  { op: 'in', label: 'in (list)' },
];

/** The operators a text feature (one of a set of values) may use. */
const textOps: readonly SchemeOp[] = ['eq', 'neq', 'in'];
export const allowsTextFeature = (op: SchemeOp): boolean => textOps.includes(op);

let lastId = 0;
/** A key for a new segment or condition of a draft. */
export const draftId = (): number => ++lastId;

export function toDraft(segments: readonly SchemeSegment[]): DraftSegment[] {
  return segments.map((s) => ({
    id: draftId(),
    name: s.name,
    treatment: s.treatment,
    valueProposition: s.valueProposition,
    conditions: s.conditions.map((c) => ({
      id: draftId(),
      feature: c.feature,
      op: c.op,
      value: Array.isArray(c.value) ? c.value.join(', ') : String(c.value),
    })),
  }));
}

/** Where a draft starts: the one sent back after a refused publish (`sent`, as posted), else `initial`. */
export function startingDraft(
  sent: string | undefined,
  initial: SchemeSegment[],
): { segments: SchemeSegment[]; note: string } {
  if (sent) {
    try {
      const parsed = JSON.parse(sent) as { segments: SchemeSegment[]; note?: string };
      if (Array.isArray(parsed.segments)) return { segments: parsed.segments, note: parsed.note ?? '' };
    } catch {
      // fall through to the initial scheme
    }
  }
  return { segments: initial, note: '' };
}

/** A condition's typed value: numbers for number features, a list for `in`. */
function parseValue(kind: SchemeFeatureInfo['kind'], op: SchemeOp, text: string): ConditionValue {
  const one = (v: string): number | string => {
    const trimmed = v.trim();
    if (kind === 'number' && trimmed !== '' && Number.isFinite(Number(trimmed))) return Number(trimmed);
    return trimmed;
  };
  if (op === 'in')
    return text
      .split(',')
      .map(one)
      .filter((v) => v !== '');
  return one(text);
}

/** The `scheme` field the publish action reads: the draft's segments, trimmed and typed, and the note. */
export function schemePayload(
  segments: readonly DraftSegment[],
  note: string,
  features: readonly SchemeFeatureInfo[],
): string {
  const kindOf = (feature: string) => features.find((f) => f.name === feature)?.kind ?? 'number';
  return JSON.stringify({
    segments: segments.map((s) => ({
      name: s.name.trim(),
      treatment: s.treatment.trim(),
      valueProposition: s.valueProposition.trim(),
      conditions: s.conditions.map((c) => ({
        feature: c.feature,
        op: c.op,
        value: parseValue(kindOf(c.feature), c.op, c.value),
      })),
    })),
    note,
  });
}

/**
 * A condition switched to `feature`: a text feature takes a text operator and one of its values; a number
 * feature drops a value that is not a number.
 */
export function changeConditionFeature(
  condition: DraftCondition,
  feature: string,
  allowed: readonly string[] | null,
): void {
  condition.feature = feature;
  if (allowed) {
    if (!allowsTextFeature(condition.op)) condition.op = 'eq';
    if (!allowed.includes(condition.value)) condition.value = allowed[0] ?? '';
  } else if (!Number.isFinite(Number(condition.value))) {
    condition.value = '';
  }
}
