// The demo's relationships: both sides' spectrum and integration answers for every partner, in line
// with the stage Northwind set; boundary spanners (Northwind's partner manager and each partner's
// manager); and a relationship health survey round open now, answered by both sides of most
// relationships (Adventure Outlet has not answered yet). No strategy is seeded: the demo starts
// with the strategy team's first draft still to write.
import {
  relationshipAssessments,
  relationshipContacts,
  surveyResponses,
  surveyRounds,
  type RelationshipStage,
  type Transaction,
} from '@accord/db';
import {
  addDays,
  dayOf,
  integrationLevels,
  scoreSurvey,
  type SpectrumIndicator,
  spectrumIndicators,
  surveyItems,
} from '@accord/domain';

/** Spectrum answers (1..5) of a relationship at a stage; `lean` shifts every collaborative-side answer by -1..1. */
function spectrumAt(stage: RelationshipStage, lean: number): Record<SpectrumIndicator, number> {
  const level = { transactional: 1.5, value_adding: 3, collaborative: 4.5 }[stage];
  const clamp = (x: number) => Math.min(5, Math.max(1, Math.round(x)));
  return Object.fromEntries(
    spectrumIndicators.map((k, i) => {
      const collaborative = clamp(level + lean + (i % 2 === 0 ? 0 : -0.5));
      return [k, k === 'alternatives' ? 6 - collaborative : collaborative];
    }),
  ) as Record<SpectrumIndicator, number>;
}

function integrationAt(stage: RelationshipStage, lean: number): Record<string, number> {
  const level = { transactional: 1.5, value_adding: 3, collaborative: 4 }[stage];
  return Object.fromEntries(
    integrationLevels.map((k, i) => [k, Math.min(5, Math.max(1, Math.round(level + lean - i * 0.25)))]),
  );
}

/** Survey answers putting every dimension near `a` (reverse-keyed items answered 6 - a). */
function surveyAt(a: number): Record<string, number> {
  return Object.fromEntries(
    surveyItems.map((item, i) => {
      const x = Math.min(5, Math.max(1, a + (i % 3 === 2 ? -1 : 0)));
      return [item.code, item.reverse ? 6 - x : x];
    }),
  );
}

export async function seedRelationships(
  tx: Transaction,
  input: {
    networkId: string;
    focalFirmId: string;
    focalManagerId: string;
    partners: { firmId: string; managerId: string; stage: RelationshipStage; name: string }[];
    today: Date;
  },
): Promise<void> {
  const { networkId, focalFirmId, focalManagerId, partners, today } = input;
  const day = (offset: number) => addDays(dayOf(today), offset);
  const [round] = await tx
    .insert(surveyRounds)
    .values({
      networkId,
      title: 'Relationship health',
      opensOn: day(-14),
      closesOn: day(14),
      createdByUserId: focalManagerId,
    })
    .returning({ id: surveyRounds.id });
  for (const partner of partners) {
    const sides = [
      { firmId: focalFirmId, userId: focalManagerId, lean: 0 },
      { firmId: partner.firmId, userId: partner.managerId, lean: -0.5 },
    ];
    for (const side of sides) {
      await tx.insert(relationshipAssessments).values({
        networkId,
        partnerFirmId: partner.firmId,
        respondentFirmId: side.firmId,
        spectrum: spectrumAt(partner.stage, side.lean),
        integration: integrationAt(partner.stage, side.lean),
        answeredByUserId: side.userId,
      });
      await tx.insert(relationshipContacts).values({
        networkId,
        partnerFirmId: partner.firmId,
        firmId: side.firmId,
        userId: side.userId,
        role: side.firmId === focalFirmId ? `Account manager for ${partner.name}` : 'Partner manager for Northwind',
      });
      if (partner.stage === 'transactional' && side.firmId === partner.firmId) continue; // not answered yet
      const level = { transactional: 3, value_adding: 4, collaborative: 4 }[partner.stage] - (side.lean < 0 ? 1 : 0);
      const answers = surveyAt(level + (partner.stage === 'collaborative' && side.lean < 0 ? 1 : 0));
      const scores = scoreSurvey(answers);
      await tx.insert(surveyResponses).values({
        networkId,
        roundId: round!.id,
        partnerFirmId: partner.firmId,
        respondentFirmId: side.firmId,
        answers,
        trust: scores.trust,
        commitment: scores.commitment,
        satisfaction: scores.satisfaction,
        informationSharing: scores.information_sharing,
        answeredByUserId: side.userId,
      });
    }
  }
}
