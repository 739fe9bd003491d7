import type { scorecardMeasures, scorecardPeriods, scorecards } from '@accord/db';

export type PeriodKind = (typeof scorecards.$inferSelect)['periodKind'];
export type Scorecard = typeof scorecards.$inferSelect;
export type Period = typeof scorecardPeriods.$inferSelect;
export type Measure = typeof scorecardMeasures.$inferSelect;
