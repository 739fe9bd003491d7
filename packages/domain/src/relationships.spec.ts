import { describe, expect, it } from 'vitest';
import {
  answerProblems,
  integrationProfile,
  type IntegrationAnswers,
  recommendStrategyTeam,
  relationshipSpectrum,
  scoreSurvey,
  type SpectrumAnswers,
  spectrumIndicatorInfo,
  spectrumIndicators,
  spectrumPosition,
  stageOf,
  surveyDimensions,
  surveyItems,
  surveyProblems,
  type TeamCandidate,
} from './relationships.ts';

const spectrum = (alternatives: number, rest: number[]): SpectrumAnswers => {
  const [market_dynamism, importance, complexity, information_exchange, operational_linkages] = rest as [
    number,
    number,
    number,
    number,
    number,
  ];
  return { alternatives, market_dynamism, importance, complexity, information_exchange, operational_linkages };
};

const allThree = spectrum(3, [3, 3, 3, 3, 3]);
// Oriented: alternatives 1 -> 1, 5 -> 1, 5 -> 1, 3 -> 0.5, 2 -> 0.25, 2 -> 0.25; mean 4/6 = 2/3.
const leaning = spectrum(1, [5, 5, 3, 2, 2]);

describe('spectrumPosition', () => {
  it('orients alternatives: few alternatives are collaborative', () => {
    expect(spectrumIndicatorInfo.alternatives).toMatchObject({
      label: 'Availability of alternatives',
      collaborativeWhen: 'low',
    });
    expect(spectrumIndicators.filter((k) => spectrumIndicatorInfo[k].collaborativeWhen === 'high')).toHaveLength(5);
    expect(spectrumPosition(spectrum(1, [3, 3, 3, 3, 3])).indicators.alternatives).toBe(1);
    expect(spectrumPosition(spectrum(5, [3, 3, 3, 3, 3])).indicators.alternatives).toBe(0);
    // (1 + 5 * 0.5) / 6 and (0 + 5 * 0.5) / 6
    expect(spectrumPosition(spectrum(1, [3, 3, 3, 3, 3])).position).toBeCloseTo(3.5 / 6, 12);
    expect(spectrumPosition(spectrum(5, [3, 3, 3, 3, 3])).position).toBeCloseTo(2.5 / 6, 12);
    expect(spectrumPosition(spectrum(2, [4, 3, 3, 3, 3])).indicators).toEqual({
      alternatives: 0.75,
      market_dynamism: 0.75,
      importance: 0.5,
      complexity: 0.5,
      information_exchange: 0.5,
      operational_linkages: 0.5,
    });
  });

  it('spans 0 (transactional) to 1 (collaborative)', () => {
    expect(spectrumPosition(spectrum(5, [1, 1, 1, 1, 1]))).toMatchObject({ position: 0, stage: 'transactional' });
    expect(spectrumPosition(spectrum(1, [5, 5, 5, 5, 5]))).toMatchObject({ position: 1, stage: 'collaborative' });
    expect(spectrumPosition(allThree)).toMatchObject({ position: 0.5, stage: 'value_adding' });
  });

  it('puts the stage boundaries at exactly 1/3 and 2/3', () => {
    // Oriented sum 7/4, 2, 15/4 and 4 over six indicators.
    const sevenTwentyFourths = spectrumPosition(spectrum(5, [1, 2, 3, 3, 3]));
    expect(sevenTwentyFourths.position).toBeCloseTo(7 / 24, 12);
    expect(sevenTwentyFourths.stage).toBe('transactional');
    const third = spectrumPosition(spectrum(5, [1, 3, 3, 3, 3]));
    expect(third.position).toBe(1 / 3);
    expect(third.stage).toBe('value_adding');
    const fiveEighths = spectrumPosition(spectrum(1, [5, 5, 3, 2, 1]));
    expect(fiveEighths.position).toBeCloseTo(15 / 24, 12);
    expect(fiveEighths.stage).toBe('value_adding');
    const twoThirds = spectrumPosition(leaning);
    expect(twoThirds.position).toBe(2 / 3);
    expect(twoThirds.stage).toBe('collaborative');
    expect(stageOf(0.3333)).toBe('transactional');
    expect(stageOf(0.6666)).toBe('value_adding');
  });

  it('throws on answers outside 1..5', () => {
    expect(() => spectrumPosition(spectrum(0, [3, 3, 3, 3, 3]))).toThrow(RangeError);
    expect(() => spectrumPosition(spectrum(3, [3, 3.5, 3, 3, 3]))).toThrow(/importance/);
  });
});

describe('relationshipSpectrum', () => {
  it('averages both sides and measures their agreement', () => {
    const s = relationshipSpectrum(allThree, leaning)!;
    // (0.5 + 2/3) / 2
    expect(s.position).toBeCloseTo(7 / 12, 12);
    expect(s.stage).toBe('value_adding');
    expect(s.focal!.position).toBe(0.5);
    expect(s.partner!.stage).toBe('collaborative');
    expect(s.indicators.alternatives).toEqual({ focal: 0.5, partner: 1, mean: 0.75, gap: 0.5 });
    expect(s.indicators.complexity).toEqual({ focal: 0.5, partner: 0.5, mean: 0.5, gap: 0 });
    expect(s.indicators.operational_linkages).toEqual({ focal: 0.5, partner: 0.25, mean: 0.375, gap: 0.25 });
    // gaps 0.5, 0.5, 0.5, 0, 0.25, 0.25: mean 1/3
    expect(s.agreement).toBeCloseTo(2 / 3, 12);
  });

  it('is symmetric in the two sides but for which is which', () => {
    const ab = relationshipSpectrum(allThree, leaning)!;
    const ba = relationshipSpectrum(leaning, allThree)!;
    expect(ba.position).toBeCloseTo(ab.position, 12);
    expect(ba.agreement).toBeCloseTo(ab.agreement!, 12);
    expect(ba.indicators.alternatives).toEqual({ focal: 1, partner: 0.5, mean: 0.75, gap: 0.5 });
  });

  it('agrees fully when both answer alike', () => {
    expect(relationshipSpectrum(leaning, leaning)!.agreement).toBe(1);
  });

  it('uses the one side that answered, without gaps or agreement', () => {
    const partnerOnly = relationshipSpectrum(null, leaning)!;
    expect(partnerOnly.position).toBe(2 / 3);
    expect(partnerOnly.stage).toBe('collaborative');
    expect(partnerOnly.focal).toBeNull();
    expect(partnerOnly.indicators.information_exchange).toEqual({ focal: null, partner: 0.25, mean: 0.25, gap: null });
    expect(partnerOnly.agreement).toBeNull();
    expect(relationshipSpectrum(allThree, null)).toMatchObject({
      position: 0.5,
      stage: 'value_adding',
      agreement: null,
    });
  });

  it('is null when neither side answered', () => {
    expect(relationshipSpectrum(null, null)).toBeNull();
  });
});

describe('integrationProfile', () => {
  const focal: IntegrationAnswers = { strategic: 5, tactical: 4, operational: 3, interpersonal: 2, cultural: 1 };
  const partner: IntegrationAnswers = { strategic: 3, tactical: 4, operational: 5, interpersonal: 2, cultural: 4 };

  it('averages the sides per level, with gaps, and the levels overall', () => {
    const p = integrationProfile(focal, partner)!;
    expect(p.levels.strategic).toEqual({ focal: 5, partner: 3, mean: 4, gap: 2 });
    expect(p.levels.tactical).toEqual({ focal: 4, partner: 4, mean: 4, gap: 0 });
    expect(p.levels.cultural).toEqual({ focal: 1, partner: 4, mean: 2.5, gap: 3 });
    // means 4, 4, 4, 2, 2.5
    expect(p.overall).toBeCloseTo(3.3, 12);
  });

  it('uses one side alone, and is null with none', () => {
    const p = integrationProfile(focal, null)!;
    expect(p.overall).toBe(3);
    expect(p.levels.operational).toEqual({ focal: 3, partner: null, mean: 3, gap: null });
    expect(integrationProfile(null, partner)!.overall).toBeCloseTo(3.6, 12);
    expect(integrationProfile(null, null)).toBeNull();
  });

  it('throws on an invalid answer', () => {
    expect(() => integrationProfile({ ...focal, cultural: 6 }, null)).toThrow(/cultural/);
  });
});

describe('answerProblems', () => {
  it('finds none in complete answers', () => {
    expect(answerProblems('spectrum', { ...leaning })).toEqual([]);
    expect(
      answerProblems('integration', { strategic: 1, tactical: 2, operational: 3, interpersonal: 4, cultural: 5 }),
    ).toEqual([]);
  });

  it('reports missing, out-of-range, non-integer and unknown answers', () => {
    const problems = answerProblems('integration', {
      strategic: 0,
      tactical: 2.5,
      operational: '3',
      cultural: null,
      financial: 3,
    });
    expect(problems.map((p) => p.path)).toEqual([
      'strategic',
      'tactical',
      'operational',
      'interpersonal',
      'cultural',
      'financial',
    ]);
    expect(problems[3]!.message).toBe('missing answer');
    expect(problems[5]!.message).toBe('unknown question "financial"');
    expect(answerProblems('spectrum', { ...allThree, alternatives: 6 })).toEqual([
      { path: 'alternatives', message: 'must be an integer from 1 to 5, not 6' },
    ]);
  });
});

describe('health survey', () => {
  const answers = (overrides: Record<string, number> = {}): Record<string, number> => ({
    ...Object.fromEntries(surveyItems.map((i) => [i.code, 3])),
    ...overrides,
  });

  it('has three items per dimension and a reverse item in all but satisfaction', () => {
    for (const d of surveyDimensions) expect(surveyItems.filter((i) => i.dimension === d)).toHaveLength(3);
    expect(surveyItems.filter((i) => i.reverse).map((i) => i.code)).toEqual([
      'trust_3',
      'commitment_3',
      'information_sharing_3',
    ]);
    expect(new Set(surveyItems.map((i) => i.code)).size).toBe(12);
  });

  it('scores each dimension as the mean of its items, reverse items as 6 - x', () => {
    const scores = scoreSurvey(
      answers({
        trust_1: 5,
        trust_2: 4,
        trust_3: 2,
        commitment_1: 4,
        commitment_2: 4,
        commitment_3: 5,
        satisfaction_1: 3,
        satisfaction_2: 4,
        satisfaction_3: 2,
        information_sharing_1: 5,
        information_sharing_2: 5,
        information_sharing_3: 1,
      }),
    );
    // trust (5 + 4 + 4) / 3; commitment (4 + 4 + 1) / 3; satisfaction (3 + 4 + 2) / 3; sharing (5 + 5 + 5) / 3
    expect(scores.trust).toBeCloseTo(13 / 3, 12);
    expect(scores.commitment).toBe(3);
    expect(scores.satisfaction).toBe(3);
    expect(scores.information_sharing).toBe(5);
    expect(scoreSurvey(answers())).toEqual({ trust: 3, commitment: 3, satisfaction: 3, information_sharing: 3 });
  });

  it('reports missing, invalid and unknown answers, and scoring refuses them', () => {
    expect(surveyProblems(answers())).toEqual([]);
    const bad: Record<string, unknown> = { ...answers({ trust_2: 0, satisfaction_1: 4.5 }), loyalty_1: 4 };
    delete bad.commitment_3;
    expect(surveyProblems(bad).map((p) => [p.path, p.message])).toEqual([
      ['trust_2', 'must be an integer from 1 to 5, not 0'],
      ['commitment_3', 'missing answer'],
      ['satisfaction_1', 'must be an integer from 1 to 5, not 4.5'],
      ['loyalty_1', 'unknown question "loyalty_1"'],
    ]);
    expect(() => scoreSurvey(answers({ trust_1: 7 }))).toThrow(RangeError);
  });
});

describe('recommendStrategyTeam', () => {
  const candidate = (firmId: string, over: Partial<TeamCandidate>): TeamCandidate => ({
    firmId,
    chainRole: 'retailer',
    onTeam: false,
    revenue: null,
    customers: null,
    datasets: [],
    sponsorNamed: false,
    signedLatest: null,
    commitment: null,
    integration: null,
    ...over,
  });

  // Team: the manufacturer (sales) and the distributor (sales, shipments).
  const network: TeamCandidate[] = [
    candidate('maker', {
      chainRole: 'manufacturer',
      onTeam: true,
      revenue: 1000,
      customers: 500,
      datasets: ['sales'],
      sponsorNamed: true,
      signedLatest: true,
      commitment: 5,
      integration: 5,
    }),
    candidate('retail-1', {
      revenue: 800,
      customers: 1000,
      datasets: ['sales', 'returns'],
      sponsorNamed: true,
      commitment: 4,
      integration: 3,
    }),
    candidate('logistics', { chainRole: 'logistics_provider', datasets: ['shipments'], signedLatest: false }),
    candidate('retail-2', { revenue: 200, customers: 100, datasets: ['sales'] }),
    candidate('dist', {
      chainRole: 'distributor',
      onTeam: true,
      revenue: 400,
      customers: 200,
      datasets: ['sales', 'shipments'],
      sponsorNamed: true,
      signedLatest: true,
      commitment: 3,
    }),
  ];

  it('ranks non-members by score, then members, with the parts computed by hand', () => {
    const recs = recommendStrategyTeam(network);
    expect(recs.map((r) => r.firmId)).toEqual(['retail-1', 'retail-2', 'logistics', 'maker', 'dist']);
    const byId = new Map(recs.map((r) => [r.firmId, r]));
    const parts = (id: string): number[] => {
      const r = byId.get(id)!;
      return [r.value, r.complementarity, r.commitment, r.score];
    };
    const close = (actual: number[], expected: number[]): void =>
      expected.forEach((x, i) => expect(actual[i], `part ${i}`).toBeCloseTo(x, 12));
    // value (0.8 + 1) / 2; retailer new 0.5 + returns new 0.5 * 1/2; signals 1, 0.75, 0.5
    close(parts('retail-1'), [0.9, 0.75, 0.75, 0.4 * 0.9 + 0.3 * 0.75 + 0.3 * 0.75]);
    // value (0.2 + 0.1) / 2; retailer new (retail-1 is not a member), sales covered; no sponsor only
    close(parts('retail-2'), [0.15, 0.5, 0, 0.21]);
    // nothing visible; logistics new, shipments covered by dist; no sponsor, not signed
    close(parts('logistics'), [0, 0.5, 0, 0.15]);
    // members against the other members: maker adds manufacturer, dist adds distributor and shipments
    close(parts('maker'), [0.75, 0.5, 1, 0.75]);
    close(parts('dist'), [0.3, 0.75, 2.5 / 3, 0.4 * 0.3 + 0.3 * 0.75 + 0.3 * (2.5 / 3)]);
    expect(recs.map((r) => r.onTeam)).toEqual([false, false, false, true, true]);
  });

  it('explains each recommendation', () => {
    const byId = new Map(recommendStrategyTeam(network).map((r) => [r.firmId, r.reasons]));
    expect(byId.get('retail-1')).toEqual([
      'Largest customer base',
      'Brings returns data the team lacks',
      'Retailer role not yet on the team',
      'Executive sponsor named',
      'Strong commitment in the health survey',
    ]);
    expect(byId.get('logistics')).toEqual([
      'Revenue not visible through the exchange',
      'Logistics provider role not yet on the team',
      'No executive sponsor named',
      'Has not signed the latest strategy',
    ]);
    expect(byId.get('maker')).toEqual([
      'Already on the strategy team',
      'Largest revenue contributor',
      'Only manufacturer on the team',
      'Executive sponsor named',
      'Signed the latest strategy',
      'Strong commitment in the health survey',
    ]);
    expect(byId.get('dist')).toContain('Only team member sharing shipments data');
  });

  it('gives nothing for complementarity when the team already covers role and datasets', () => {
    const [rec] = recommendStrategyTeam([
      ...network,
      candidate('maker-2', { chainRole: 'manufacturer', datasets: ['sales', 'shipments', 'sales'] }),
    ]).filter((r) => r.firmId === 'maker-2');
    expect(rec!.complementarity).toBe(0);
    expect(rec!.reasons).toEqual(['Revenue not visible through the exchange', 'No executive sponsor named']);
    // A new role without datasets counts the role's half only; several new datasets are listed.
    const [bare, rich] = recommendStrategyTeam([
      candidate('bare', { chainRole: 'supplier' }),
      candidate('rich', { chainRole: 'supplier', datasets: ['returns', 'cases', 'sales'] }),
      candidate('team', { chainRole: 'manufacturer', onTeam: true, datasets: ['sales'] }),
    ]).sort((a, b) => a.firmId.localeCompare(b.firmId));
    expect(bare!.complementarity).toBe(0.5);
    expect(rich!.complementarity).toBeCloseTo(0.5 + 0.5 * (2 / 3), 12);
    expect(rich!.reasons).toContain('Brings returns and cases data the team lacks');
  });

  it('breaks ties by firmId and keeps members last even with a higher score', () => {
    const twin = { revenue: 100, customers: 10, sponsorNamed: true };
    const recs = recommendStrategyTeam([
      candidate('zeta', twin),
      candidate('alpha', twin),
      candidate('member', {
        onTeam: true,
        chainRole: 'manufacturer',
        revenue: 1000,
        customers: 1000,
        sponsorNamed: true,
      }),
    ]);
    expect(recs.map((r) => r.firmId)).toEqual(['alpha', 'zeta', 'member']);
    expect(recs[0]!.score).toBe(recs[1]!.score);
    expect(recs[2]!.score).toBeGreaterThan(recs[0]!.score);
  });

  it('counts missing values as 0 and every value as 0 when nobody has any', () => {
    const recs = recommendStrategyTeam([candidate('a', { revenue: 0 }), candidate('b', {})]);
    expect(recs.map((r) => r.value)).toEqual([0, 0]);
    expect(recommendStrategyTeam([])).toEqual([]);
  });
});
