// What each network page says when the firm has no network to use it in: its heading, where its work
// happens and what the firm can do once it is an active member.
export interface Gate {
  eyebrow: string;
  title: string;
  /** Where the module's work happens. */
  scope: string;
  /** What the firm can do once active. */
  action: string;
}

const relationships = {
  eyebrow: 'Relationships',
  scope: 'Partner relationships are kept within a value-chain network.',
  action: 'see its partner relationships',
};
const surveys = {
  eyebrow: 'Relationships',
  scope: 'Relationship surveys are kept within a value-chain network.',
  action: 'answer its relationship surveys',
};
const exchange = {
  eyebrow: 'Knowledge management',
  title: 'Data exchange',
  scope: 'Data is exchanged within a value-chain network.',
  action: 'share data',
};

const gates: Record<string, Gate> = {
  '/(app)/(network)/agreements': {
    eyebrow: 'Knowledge management',
    title: 'Agreements',
    scope: 'Data is shared within a value-chain network.',
    action: 'share data',
  },
  '/(app)/(network)/customers': {
    eyebrow: 'Customer value and customer experience management',
    title: 'Customer 360',
    scope: 'Customers are seen across a value-chain network.',
    action: 'look up customers',
  },
  '/(app)/(network)/exchange': exchange,
  '/(app)/(network)/exchange/batches/[batchId]': exchange,
  '/(app)/(network)/insights': {
    eyebrow: 'Knowledge management',
    title: 'Insights',
    scope: 'Insights are shared within a value-chain network.',
    action: 'share and read insights',
  },
  '/(app)/(network)/partners': { ...relationships, title: 'Partners' },
  '/(app)/(network)/partners/[firmId]': { ...relationships, title: 'Partner' },
  '/(app)/(network)/scorecard': {
    eyebrow: 'Performance evaluation',
    title: 'Scorecard',
    scope: 'Scorecards are kept within a value-chain network.',
    action: "see the network's scorecard",
  },
  '/(app)/(network)/segmentation': {
    eyebrow: 'Value-enhancing segmentation',
    title: 'Segmentation',
    scope: 'Customers are segmented within a value-chain network.',
    action: 'segment its customers',
  },
  '/(app)/(network)/strategy': {
    eyebrow: 'Strategy creation',
    title: 'Strategy',
    scope: 'The joint strategy is written within a value-chain network.',
    action: 'read and sign off the network’s strategy',
  },
  '/(app)/(network)/surveys': { ...surveys, title: 'Relationship health surveys' },
  '/(app)/(network)/surveys/[roundId]': { ...surveys, title: 'Survey round' },
};

const fallback: Gate = {
  eyebrow: 'Network',
  title: 'Network',
  scope: 'This page works within a value-chain network.',
  action: 'use it',
};

export function gateFor(routeId: string | null): Gate {
  return (routeId && gates[routeId]) || fallback;
}
