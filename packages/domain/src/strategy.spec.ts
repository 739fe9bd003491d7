import { describe, expect, it } from 'vitest';
import {
  diffStrategy,
  emptyStrategyContent,
  isCalendarDate,
  sectionOf,
  type StrategyChange,
  type StrategyContent,
  strategyContentProblems,
  strategySections,
  strategySectionTitles,
  type TextChange,
  wordDiff,
} from './strategy.ts';

function base(): StrategyContent {
  return {
    vision: 'Serve every household with one consistent experience across our stores.',
    objectives: [
      {
        id: 'obj-1',
        title: 'Grow repeat buyers',
        description: 'Bring first-time buyers back within a year.',
        measures: [
          { measureId: 'retention_rate', target: 0.4, dueDate: '2026-12-31' },
          { measureId: 'share_of_wallet', target: 0.5, dueDate: '2027-06-30' },
        ],
      },
      {
        id: 'obj-2',
        title: 'Deliver on time',
        description: 'Fewer late deliveries.',
        measures: [{ measureId: 'on_time_delivery_rate', target: 0.95, dueDate: '2026-09-30' }],
      },
      { id: 'obj-3', title: 'Cut returns', description: '', measures: [] },
    ],
    targetSegments: [
      { id: 'seg-1', segment: 'Champions', tier: 'best', valueProposition: 'Free next-day delivery' },
      { id: 'seg-2', segment: 'At risk', tier: 'average', valueProposition: 'Win-back offer' },
    ],
    partnerRoles: [
      {
        id: 'role-1',
        firmId: 'firm-retail',
        role: 'Sells to households',
        commitments: [
          { kind: 'data_feed', description: 'Daily sales feed' },
          { kind: 'channel', description: 'Store and web' },
        ],
      },
    ],
    customerExperience: {
      channelMix: 'Store, web and phone',
      consistencyRules: 'Same prices everywhere',
      deliveryOptions: 'Standard and express',
      returns: 'Return in any store within 30 days',
      priceMatching: 'Match the web price in store',
    },
    capabilities: [
      { id: 'cap-1', name: 'Demand forecasting', description: 'Weekly forecasts', firmId: 'firm-maker' },
      { id: 'cap-2', name: 'Shared customer view', description: 'One profile', firmId: null },
    ],
    technology: 'The Accord exchange',
    successMeasures: [{ id: 'sm-1', measureId: 'retention_rate', note: 'Reviewed by the team' }],
    reviewCadence: 'quarterly',
  };
}

const changesOf = (from: StrategyContent, to: StrategyContent): StrategyChange[] =>
  diffStrategy(from, to).flatMap((s) => s.changes);

const sectionChanges = (from: StrategyContent, to: StrategyContent, section: string): StrategyChange[] =>
  diffStrategy(from, to).find((s) => s.section === section)!.changes;

/** The two texts a word diff spells. */
const spell = (text: TextChange[]): { before: string; after: string } => ({
  before: text
    .filter((c) => c.op !== 'insert')
    .map((c) => c.text)
    .join(''),
  after: text
    .filter((c) => c.op !== 'delete')
    .map((c) => c.text)
    .join(''),
});

const opposite: Record<TextChange['op'], TextChange['op']> = { insert: 'delete', delete: 'insert', equal: 'equal' };
const swap = (t: TextChange[]): TextChange[] => t.map((c) => ({ op: opposite[c.op], text: c.text }));

describe('strategy content', () => {
  it('starts empty, reviewed quarterly', () => {
    expect(emptyStrategyContent()).toEqual({
      vision: '',
      objectives: [],
      targetSegments: [],
      partnerRoles: [],
      customerExperience: { channelMix: '', consistencyRules: '', deliveryOptions: '', returns: '', priceMatching: '' },
      capabilities: [],
      technology: '',
      successMeasures: [],
      reviewCadence: 'quarterly',
    });
    // A fresh copy each call.
    const a = emptyStrategyContent();
    a.objectives.push({ id: 'x', title: 'x', description: '', measures: [] });
    expect(emptyStrategyContent().objectives).toEqual([]);
  });

  it('files technology under capabilities and review cadence under success measures', () => {
    expect(sectionOf('technology')).toBe('capabilities');
    expect(sectionOf('reviewCadence')).toBe('successMeasures');
    expect(sectionOf('vision')).toBe('vision');
    expect(sectionOf('customerExperience')).toBe('customerExperience');
    expect(sectionOf('successMeasures')).toBe('successMeasures');
  });

  it('titles every section', () => {
    expect(strategySections.map((s) => strategySectionTitles[s])).toEqual([
      'Vision',
      'Objectives',
      'Target segments and value propositions',
      'Partner roles and commitments',
      'Customer experience plan',
      'Capabilities and technology',
      'Success measures and review cadence',
    ]);
  });
});

describe('isCalendarDate', () => {
  it('accepts real dates only', () => {
    expect(isCalendarDate('2026-02-28')).toBe(true);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-00-10')).toBe(false);
    expect(isCalendarDate('2026-4-01')).toBe(false);
    expect(isCalendarDate('2026-04-01T00:00')).toBe(false);
    expect(isCalendarDate('')).toBe(false);
  });
});

describe('strategyContentProblems', () => {
  it('finds none in a sound document or an empty one', () => {
    expect(strategyContentProblems(base())).toEqual([]);
    expect(strategyContentProblems(emptyStrategyContent())).toEqual([]);
  });

  it('reports a repeated id on the repeat, in every list', () => {
    const c = base();
    c.objectives[2]!.id = 'obj-1';
    c.targetSegments[1]!.id = 'seg-1';
    c.partnerRoles.push({ ...c.partnerRoles[0]!, firmId: 'firm-other' });
    c.capabilities[1]!.id = 'cap-1';
    c.successMeasures.push({ id: 'sm-1', measureId: 'share_of_wallet', note: '' });
    expect(strategyContentProblems(c).map((p) => p.path)).toEqual([
      'objectives[2].id',
      'targetSegments[1].id',
      'partnerRoles[1].id',
      'capabilities[1].id',
      'successMeasures[1].id',
    ]);
    expect(strategyContentProblems(c)[0]!.message).toContain('objectives[0]');
  });

  it('reports a measure used twice in one objective, but not across objectives', () => {
    const c = base();
    c.objectives[0]!.measures.push({ measureId: 'retention_rate', target: 0.5, dueDate: '2027-12-31' });
    c.objectives[1]!.measures.push({ measureId: 'share_of_wallet', target: 0.6, dueDate: '2027-12-31' });
    expect(strategyContentProblems(c)).toEqual([
      {
        path: 'objectives[0].measures[2].measureId',
        message: 'measure "retention_rate" is already used by objectives[0].measures[0]',
      },
    ]);
  });

  it('reports the same segment twice with the same tier, not with different tiers', () => {
    const c = base();
    c.targetSegments.push({ id: 'seg-3', segment: 'Champions', tier: 'average', valueProposition: '' });
    expect(strategyContentProblems(c)).toEqual([]);
    c.targetSegments.push({ id: 'seg-4', segment: 'Champions', tier: 'best', valueProposition: 'Again' });
    expect(strategyContentProblems(c).map((p) => p.path)).toEqual(['targetSegments[3].segment']);
  });

  it('reports non-finite targets and impossible due dates', () => {
    const c = base();
    c.objectives[0]!.measures[1]!.target = Number.NaN;
    c.objectives[1]!.measures[0]!.target = Number.POSITIVE_INFINITY;
    c.objectives[2]!.measures.push({ measureId: 'returns_rate', target: 0.05, dueDate: '2026-02-30' });
    c.objectives[2]!.measures.push({ measureId: 'revenue', target: 1, dueDate: '31/12/2026' });
    expect(strategyContentProblems(c).map((p) => p.path)).toEqual([
      'objectives[0].measures[1].target',
      'objectives[1].measures[0].target',
      'objectives[2].measures[0].dueDate',
      'objectives[2].measures[1].dueDate',
    ]);
  });
});

describe('wordDiff', () => {
  it('finds the inserted and deleted words', () => {
    const d = wordDiff('Grow repeat buyers', 'Grow loyal repeat buyers');
    expect(spell(d)).toEqual({ before: 'Grow repeat buyers', after: 'Grow loyal repeat buyers' });
    expect(d.filter((c) => c.op === 'insert').map((c) => c.text.trim())).toEqual(['loyal']);
    expect(d.filter((c) => c.op === 'delete')).toEqual([]);
  });

  it('puts a replacement as one delete then one insert', () => {
    expect(wordDiff('Ship within two days.', 'Ship within three days.')).toEqual([
      { op: 'equal', text: 'Ship within ' },
      { op: 'delete', text: 'two' },
      { op: 'insert', text: 'three' },
      { op: 'equal', text: ' days.' },
    ]);
  });

  it('handles empty sides', () => {
    expect(wordDiff('', 'New text')).toEqual([{ op: 'insert', text: 'New text' }]);
    expect(wordDiff('Old text', '')).toEqual([{ op: 'delete', text: 'Old text' }]);
    expect(wordDiff('', '')).toEqual([]);
  });

  it('mirrors exactly, even where the alignment is ambiguous', () => {
    const pairs = [
      ['a b', 'b a'],
      ['one two three two one', 'two one three one two'],
      ['Serve every household.', 'Serve each household, fast.'],
    ] as const;
    for (const [a, b] of pairs) {
      const ab = wordDiff(a, b);
      const ba = wordDiff(b, a);
      expect(spell(ab)).toEqual({ before: a, after: b });
      // Swapped ops, then each run back in delete-then-insert order.
      const mirrored = swap(ba);
      expect(spell(mirrored)).toEqual({ before: a, after: b });
      expect(mirrored.filter((c) => c.op === 'equal')).toEqual(ab.filter((c) => c.op === 'equal'));
      for (const op of ['insert', 'delete'] as const) {
        expect(mirrored.filter((c) => c.op === op)).toEqual(ab.filter((c) => c.op === op));
      }
    }
  });
});

describe('diffStrategy', () => {
  it('gives every section, in order, with no changes for identical documents', () => {
    const d = diffStrategy(base(), base());
    expect(d.map((s) => s.section)).toEqual([...strategySections]);
    expect(d.map((s) => s.title)).toEqual(strategySections.map((s) => strategySectionTitles[s]));
    expect(d.every((s) => s.changes.length === 0)).toBe(true);
    expect(changesOf(emptyStrategyContent(), emptyStrategyContent())).toEqual([]);
  });

  it('diffs the vision word by word', () => {
    const to = base();
    to.vision = 'Serve every household with one seamless experience across stores and web.';
    expect(sectionChanges(base(), to, 'vision')).toEqual([
      {
        kind: 'changed',
        label: 'Vision',
        path: 'vision',
        before: 'Serve every household with one consistent experience across our stores.',
        after: 'Serve every household with one seamless experience across stores and web.',
        text: [
          { op: 'equal', text: 'Serve every household with one ' },
          { op: 'delete', text: 'consistent' },
          { op: 'insert', text: 'seamless' },
          { op: 'equal', text: ' experience across ' },
          { op: 'delete', text: 'our ' },
          { op: 'equal', text: 'stores' },
          { op: 'insert', text: ' and web' },
          { op: 'equal', text: '.' },
        ],
      },
    ]);
    expect(changesOf(base(), to)).toHaveLength(1);
  });

  it('reports an added and a removed objective, rendered whole', () => {
    const to = base();
    to.objectives.splice(1, 1);
    to.objectives.push({
      id: 'obj-9',
      title: 'Share more data',
      description: 'Every partner feeds daily.',
      measures: [{ measureId: 'feed_completeness', target: 0.99, dueDate: '2026-12-31' }],
    });
    expect(sectionChanges(base(), to, 'objectives')).toEqual([
      {
        kind: 'removed',
        label: 'Objective "Deliver on time"',
        path: 'objectives[obj-2]',
        before: 'Deliver on time\nFewer late deliveries.\nMeasure on_time_delivery_rate: target 0.95 by 2026-09-30',
        after: null,
        text: null,
      },
      {
        kind: 'added',
        label: 'Objective "Share more data"',
        path: 'objectives[obj-9]',
        before: null,
        after: 'Share more data\nEvery partner feeds daily.\nMeasure feed_completeness: target 0.99 by 2026-12-31',
        text: null,
      },
    ]);
  });

  it('reports a changed objective title with a word diff, labelled by the new title', () => {
    const to = base();
    to.objectives[0]!.title = 'Grow loyal repeat buyers';
    const [change, ...rest] = sectionChanges(base(), to, 'objectives');
    expect(rest).toEqual([]);
    expect(change).toMatchObject({
      kind: 'changed',
      label: 'Objective "Grow loyal repeat buyers" › title',
      path: 'objectives[obj-1].title',
      before: 'Grow repeat buyers',
      after: 'Grow loyal repeat buyers',
    });
    expect(spell(change!.text!)).toEqual({ before: 'Grow repeat buyers', after: 'Grow loyal repeat buyers' });
  });

  it('matches objective measures by measureId: target, due date, added and removed', () => {
    const to = base();
    const measures = to.objectives[0]!.measures;
    measures[0]!.target = 0.45;
    measures[1]!.dueDate = '2027-03-31';
    to.objectives[1]!.measures = [{ measureId: 'avg_delivery_delay_days', target: 0.5, dueDate: '2026-09-30' }];
    expect(sectionChanges(base(), to, 'objectives')).toEqual([
      {
        kind: 'changed',
        label: 'Objective "Grow repeat buyers" › measure retention_rate › target',
        path: 'objectives[obj-1].measures[retention_rate].target',
        before: '0.4',
        after: '0.45',
        text: null,
      },
      {
        kind: 'changed',
        label: 'Objective "Grow repeat buyers" › measure share_of_wallet › due date',
        path: 'objectives[obj-1].measures[share_of_wallet].dueDate',
        before: '2027-06-30',
        after: '2027-03-31',
        text: null,
      },
      {
        kind: 'removed',
        label: 'Objective "Deliver on time" › measure on_time_delivery_rate',
        path: 'objectives[obj-2].measures[on_time_delivery_rate]',
        before: 'on_time_delivery_rate: target 0.95 by 2026-09-30',
        after: null,
        text: null,
      },
      {
        kind: 'added',
        label: 'Objective "Deliver on time" › measure avg_delivery_delay_days',
        path: 'objectives[obj-2].measures[avg_delivery_delay_days]',
        before: null,
        after: 'avg_delivery_delay_days: target 0.5 by 2026-09-30',
        text: null,
      },
    ]);
  });

  it('reports one moved item when one objective goes to the front', () => {
    const to = base();
    to.objectives = [to.objectives[2]!, to.objectives[0]!, to.objectives[1]!];
    expect(sectionChanges(base(), to, 'objectives')).toEqual([
      {
        kind: 'moved',
        label: 'Objective "Cut returns"',
        path: 'objectives[obj-3]',
        before: 'position 3',
        after: 'position 1',
        text: null,
      },
    ]);
  });

  it('reports both items of a swap as moved, and a move alongside a field change', () => {
    const to = base();
    to.targetSegments.reverse();
    to.targetSegments[0]!.valueProposition = 'Win-back offer by phone';
    expect(sectionChanges(base(), to, 'targetSegments').map((c) => [c.kind, c.path, c.before, c.after])).toEqual([
      ['moved', 'targetSegments[seg-2]', 'position 2', 'position 1'],
      ['changed', 'targetSegments[seg-2].valueProposition', 'Win-back offer', 'Win-back offer by phone'],
      ['moved', 'targetSegments[seg-1]', 'position 1', 'position 2'],
    ]);
  });

  it('does not call items moved when only additions or removals shifted them', () => {
    const to = base();
    to.objectives.splice(0, 1);
    to.objectives.unshift({ id: 'obj-0', title: 'New first', description: '', measures: [] });
    expect(sectionChanges(base(), to, 'objectives').map((c) => [c.kind, c.path])).toEqual([
      ['removed', 'objectives[obj-1]'],
      ['added', 'objectives[obj-0]'],
    ]);
  });

  it('compares commitments as text and a segment tier as a plain value', () => {
    const to = base();
    to.partnerRoles[0]!.commitments[0]!.description = 'Hourly sales feed';
    to.targetSegments[1]!.tier = 'worst';
    const roles = sectionChanges(base(), to, 'partnerRoles');
    expect(roles).toHaveLength(1);
    expect(roles[0]).toMatchObject({
      kind: 'changed',
      label: 'Partner role of firm-retail › commitments',
      path: 'partnerRoles[role-1].commitments',
      before: 'Data feed: Daily sales feed\nChannel: Store and web',
      after: 'Data feed: Hourly sales feed\nChannel: Store and web',
    });
    expect(roles[0]!.text!.filter((c) => c.op !== 'equal')).toEqual([
      { op: 'delete', text: 'Daily' },
      { op: 'insert', text: 'Hourly' },
    ]);
    expect(sectionChanges(base(), to, 'targetSegments')).toEqual([
      {
        kind: 'changed',
        label: 'Target segment "At risk" › tier',
        path: 'targetSegments[seg-2].tier',
        before: 'average',
        after: 'worst',
        text: null,
      },
    ]);
  });

  it('reports a customer experience field under its own section', () => {
    const to = base();
    to.customerExperience.returns = 'Return in any store or by post within 30 days';
    const d = diffStrategy(base(), to);
    expect(d.filter((s) => s.changes.length > 0).map((s) => s.section)).toEqual(['customerExperience']);
    expect(d[4]!.changes).toMatchObject([
      {
        kind: 'changed',
        label: 'Customer experience › returns',
        path: 'customerExperience.returns',
        before: 'Return in any store within 30 days',
        after: 'Return in any store or by post within 30 days',
      },
    ]);
    const edits = d[4]!.changes[0]!.text!.filter((c) => c.op !== 'equal');
    expect(edits.map((c) => [c.op, c.text.trim()])).toEqual([['insert', 'or by post']]);
  });

  it('files review cadence under success measures and technology under capabilities', () => {
    const to = base();
    to.reviewCadence = 'monthly';
    to.technology = 'The Accord exchange and the shared CRM';
    to.capabilities[1]!.firmId = 'firm-maker';
    const d = diffStrategy(base(), to);
    expect(d.filter((s) => s.changes.length > 0).map((s) => s.section)).toEqual(['capabilities', 'successMeasures']);
    expect(d[6]!.changes).toEqual([
      {
        kind: 'changed',
        label: 'Review cadence',
        path: 'reviewCadence',
        before: 'quarterly',
        after: 'monthly',
        text: null,
      },
    ]);
    expect(d[5]!.changes.map((c) => [c.path, c.before, c.after, c.text === null])).toEqual([
      ['capabilities[cap-2].firmId', '(the network)', 'firm-maker', true],
      ['technology', 'The Accord exchange', 'The Accord exchange and the shared CRM', false],
    ]);
  });

  it('mirrors: added <-> removed, before <-> after, inserts <-> deletes', () => {
    const a = base();
    const b = base();
    b.vision = 'One experience for every household, in store and online.';
    b.objectives = [b.objectives[1]!, b.objectives[0]!];
    b.objectives[1]!.measures[0]!.target = 0.5;
    b.objectives[0]!.description = 'Far fewer late deliveries.';
    b.targetSegments.push({ id: 'seg-3', segment: 'Hibernating', tier: 'worst', valueProposition: 'Self-service' });
    b.partnerRoles[0]!.commitments.pop();
    b.customerExperience.priceMatching = '';
    b.capabilities.shift();
    b.successMeasures[0]!.note = 'Reviewed monthly by the team';
    b.reviewCadence = 'annual';

    const key = (c: StrategyChange): string => `${c.path} ${c.kind}`;
    const swapOps = (t: TextChange[] | null): TextChange[] | null => t && swap(t);
    const oppositeKind = { added: 'removed', removed: 'added', changed: 'changed', moved: 'moved' } as const;

    const ab = diffStrategy(a, b);
    const ba = diffStrategy(b, a);
    // vision; obj-3 removed, obj-1 and obj-2 swapped (both moved), a target, a description; seg-3
    // added; commitments; price matching; cap-1 removed; a note and the cadence.
    expect(ab.flatMap((s) => s.changes).length).toBe(12);
    ab.forEach((section, i) => {
      const forward = [...section.changes].map((c) => ({ ...c, kind: oppositeKind[c.kind] }));
      const backward = new Map(ba[i]!.changes.map((c) => [key(c), c]));
      expect(backward.size).toBe(forward.length);
      for (const f of forward) {
        const back = backward.get(key(f));
        expect(back, key(f)).toBeDefined();
        expect([back!.before, back!.after]).toEqual([f.after, f.before]);
        const mirrored = swapOps(back!.text);
        expect(mirrored && spell(mirrored), key(f)).toEqual(f.text && spell(f.text));
      }
    });
  });
});
