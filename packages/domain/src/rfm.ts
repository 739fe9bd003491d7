// RFM scoring: recency, frequency and monetary value as balanced quintile scores 1-5 (5 = best),
// and the eleven customer segments of the usual R x FM grid. Pure; scores a million customers
// with one index sort per dimension.

/**
 * Balanced quintile scores by rank, like pandas `qcut(values.rank(method='first'), 5)`: the
 * indices are sorted ascending by value, ties by `tieBreak` ascending, then by index; position k
 * of n falls in group floor(5k/n), so the five groups' sizes differ by at most 1. When higher is
 * better the lowest fifth scores 1 and the highest 5; otherwise the lowest fifth scores 5.
 * Values must not be NaN.
 */
export function quintileScores(
  values: ArrayLike<number>,
  higherIsBetter: boolean,
  tieBreak?: ArrayLike<number>,
): Uint8Array {
  const n = values.length;
  if (tieBreak && tieBreak.length !== n) throw new RangeError('tieBreak must have one entry per value');
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(values[i]) || (tieBreak && Number.isNaN(tieBreak[i]))) {
      throw new RangeError(`quintileScores: value ${i} is NaN`);
    }
  }
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((i, j) => {
    const d = values[i]! - values[j]!;
    if (d !== 0 && !Number.isNaN(d)) return d;
    // d is NaN only for equal infinities; those are ties too.
    if (tieBreak) {
      const t = tieBreak[i]! - tieBreak[j]!;
      if (t !== 0 && !Number.isNaN(t)) return t;
    }
    return i - j;
  });
  const scores = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const group = Math.floor((5 * k) / n);
    scores[order[k]!] = higherIsBetter ? group + 1 : 5 - group;
  }
  return scores;
}

export interface RfmScores {
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
}

/**
 * R, F and M quintile scores, 5 = best: the most recent (fewest days since the last purchase),
 * most frequent and highest spending customers. Ties on recency are broken by frequency and ties
 * on frequency by monetary value, so equal scores are not decided by row order alone.
 */
export function rfmScores(
  recencyDays: ArrayLike<number>,
  frequency: ArrayLike<number>,
  monetary: ArrayLike<number>,
): RfmScores {
  const n = recencyDays.length;
  if (frequency.length !== n || monetary.length !== n) {
    throw new RangeError('recencyDays, frequency and monetary must have the same length');
  }
  // Recency is sorted ascending, so a higher tie-break must sort first: negate frequency.
  const negFrequency = new Float64Array(n);
  for (let i = 0; i < n; i++) negFrequency[i] = -frequency[i]!;
  return {
    r: quintileScores(recencyDays, false, negFrequency),
    f: quintileScores(frequency, true, monetary),
    m: quintileScores(monetary, true),
  };
}

export const rfmSegmentNames = [
  'champions',
  'loyal',
  'potential_loyalists',
  'new',
  'promising',
  'need_attention',
  'about_to_sleep',
  'at_risk',
  'cannot_lose',
  'hibernating',
  'lost',
] as const;
export type RfmSegment = (typeof rfmSegmentNames)[number];

/**
 * The segment grid, by R (rows) and FM = round((F + M) / 2) (columns, halves round up):
 *
 * | R \ FM | 1              | 2                   | 3                   | 4         | 5           |
 * |--------|----------------|---------------------|---------------------|-----------|-------------|
 * | 5      | new            | potential_loyalists | potential_loyalists | champions | champions   |
 * | 4      | promising      | potential_loyalists | potential_loyalists | loyal     | loyal       |
 * | 3      | about_to_sleep | about_to_sleep      | need_attention      | loyal     | loyal       |
 * | 2      | hibernating    | hibernating         | at_risk             | at_risk   | cannot_lose |
 * | 1      | lost           | lost                | at_risk             | at_risk   | cannot_lose |
 */
const grid: readonly (readonly RfmSegment[])[] = [
  ['lost', 'lost', 'at_risk', 'at_risk', 'cannot_lose'],
  ['hibernating', 'hibernating', 'at_risk', 'at_risk', 'cannot_lose'],
  ['about_to_sleep', 'about_to_sleep', 'need_attention', 'loyal', 'loyal'],
  ['promising', 'potential_loyalists', 'potential_loyalists', 'loyal', 'loyal'],
  ['new', 'potential_loyalists', 'potential_loyalists', 'champions', 'champions'],
];

/** Each segment's cells in the grid and what it means, for the API docs and the portal. */
export const rfmSegmentRules: Record<RfmSegment, { cells: string; description: string }> = {
  champions: {
    cells: 'R 5, FM 4-5',
    description: 'Bought recently, buy often and spend the most. Reward them; early access, referrals.',
  },
  loyal: {
    cells: 'R 3-4, FM 4-5',
    description: 'Buy often and spend well, fairly recently. Upsell and keep them engaged.',
  },
  potential_loyalists: {
    cells: 'R 4-5, FM 2-3',
    description: 'Recent customers with average frequency and spend. Offer membership or loyalty programmes.',
  },
  new: {
    cells: 'R 5, FM 1',
    description: 'Bought very recently, but rarely and little so far. Onboard them and build the relationship.',
  },
  promising: {
    cells: 'R 4, FM 1',
    description: 'Fairly recent, low frequency and spend. Create brand awareness; free trials.',
  },
  need_attention: {
    cells: 'R 3, FM 3',
    description: 'Average on recency, frequency and spend. Limited-time offers, recommendations from their history.',
  },
  about_to_sleep: {
    cells: 'R 3, FM 1-2',
    description: 'Below average and fading. Reactivate with relevant products and offers before they are lost.',
  },
  at_risk: {
    cells: 'R 1-2, FM 3-4',
    description: 'Bought often and spent well, but long ago. Personal reactivation; renewals, helpful resources.',
  },
  cannot_lose: {
    cells: 'R 1-2, FM 5',
    description:
      'Once among the best, not seen for a long time. Win them back; talk to them, do not let competitors have them.',
  },
  hibernating: {
    cells: 'R 2, FM 1-2',
    description: 'Last purchase long ago, few orders and low spend. Offer other relevant products; special discounts.',
  },
  lost: {
    cells: 'R 1, FM 1-2',
    description: 'Lowest recency, frequency and spend. Revive with outreach only if cheap; otherwise let go.',
  },
};

const checkScore = (name: string, v: number): void => {
  if (!(Number.isInteger(v) && v >= 1 && v <= 5))
    throw new RangeError(`${name} score must be an integer 1-5, got ${v}`);
};

/** The segment of an R, F, M score triple (see the grid above). */
export function rfmSegment(r: number, f: number, m: number): RfmSegment {
  checkScore('R', r);
  checkScore('F', f);
  checkScore('M', m);
  const fm = Math.round((f + m) / 2);
  return grid[r - 1]![fm - 1]!;
}
