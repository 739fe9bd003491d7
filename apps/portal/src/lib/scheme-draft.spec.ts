import { describe, expect, it } from 'vitest';
import {
  changeConditionFeature,
  schemePayload,
  startingDraft,
  toDraft,
  type DraftCondition,
  type SchemeSegment,
} from './scheme-draft';

const features = [
  { name: 'clv_percentile', kind: 'number' as const },
  { name: 'rfm_segment', kind: 'text' as const },
];
const scheme: SchemeSegment[] = [
  {
    name: ' best ',
    conditions: [
      { feature: 'clv_percentile', op: 'gte', value: 80 },
      { feature: 'rfm_segment', op: 'in', value: ['champions', 'loyal'] },
    ],
    treatment: 'Protect ',
    valueProposition: '',
  },
  { name: 'everyone else', conditions: [], treatment: '', valueProposition: '' },
];

describe('scheme drafts', () => {
  it('round-trips a scheme: values as text in the draft, typed and trimmed in the payload', () => {
    const draft = toDraft(scheme);
    expect(draft[0]?.conditions.map((c) => c.value)).toEqual(['80', 'champions, loyal']);
    expect(new Set([...draft.map((s) => s.id), ...draft.flatMap((s) => s.conditions.map((c) => c.id))]).size).toBe(4);
    expect(JSON.parse(schemePayload(draft, 'why', features))).toEqual({
      segments: [
        {
          name: 'best',
          treatment: 'Protect',
          valueProposition: '',
          conditions: [
            { feature: 'clv_percentile', op: 'gte', value: 80 },
            { feature: 'rfm_segment', op: 'in', value: ['champions', 'loyal'] },
          ],
        },
        { name: 'everyone else', treatment: '', valueProposition: '', conditions: [] },
      ],
      note: 'why',
    });
  });

  it('keeps text that is not a number as typed, so the API can say what is wrong with it', () => {
    const [segment] = toDraft([{ ...scheme[1]!, conditions: [{ feature: 'clv_percentile', op: 'lt', value: 'x' }] }]);
    const payload = JSON.parse(schemePayload([segment!], '', features)) as { segments: SchemeSegment[] };
    expect(payload.segments[0]?.conditions[0]?.value).toBe('x');
  });

  it('starts from the draft a refused publish sent back, else from the initial scheme', () => {
    const sent = JSON.stringify({ segments: [scheme[1]], note: 'again' });
    expect(startingDraft(sent, scheme)).toEqual({ segments: [scheme[1]], note: 'again' });
    expect(startingDraft('not json', scheme)).toEqual({ segments: scheme, note: '' });
    expect(startingDraft(undefined, scheme)).toEqual({ segments: scheme, note: '' });
  });

  it('gives a condition switched to a text feature a text operator and one of its values', () => {
    const condition: DraftCondition = { id: 1, feature: 'clv_percentile', op: 'gte', value: '80' };
    changeConditionFeature(condition, 'rfm_segment', ['champions', 'loyal']);
    expect(condition).toEqual({ id: 1, feature: 'rfm_segment', op: 'eq', value: 'champions' });
    changeConditionFeature(condition, 'clv_percentile', null);
    expect(condition).toEqual({ id: 1, feature: 'clv_percentile', op: 'eq', value: '' });
  });
});
