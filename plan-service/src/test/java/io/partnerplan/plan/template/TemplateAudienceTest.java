package io.partnerplan.plan.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.partnerplan.plan.organisation.PartnerType;

class TemplateAudienceTest {

    private record Candidate(String name, TemplateAudience audience) {
    }

    private static final Candidate GOLD = new Candidate("gold", new TemplateAudience(List.of("GOLD"), List.of()));
    private static final Candidate GOLD_MSP = new Candidate("gold msp", new TemplateAudience(List.of("GOLD", "PLATINUM"), List.of(PartnerType.MSP)));
    private static final Candidate RESELLERS = new Candidate("resellers", new TemplateAudience(List.of(), List.of(PartnerType.RESELLER)));
    private static final Candidate UNMARKED = new Candidate("unmarked", TemplateAudience.NOBODY);
    private static final Candidate NEWER_GOLD = new Candidate("newer gold", new TemplateAudience(List.of("GOLD"), List.of()));

    private static Optional<String> best(String tier, PartnerType type, Candidate... oldestFirst) {
        return TemplateAudience.best(List.of(oldestFirst), Candidate::audience, tier, type).map(Candidate::name);
    }

    @Test
    void aTemplateAskingTierAndTypeBeatsOneAskingEitherAndTheNewestWinsAmongEquals() {
        assertEquals(Optional.of("gold msp"), best("GOLD", PartnerType.MSP, GOLD, GOLD_MSP, RESELLERS, UNMARKED));
        assertEquals(Optional.of("gold msp"), best("GOLD", PartnerType.MSP, GOLD_MSP, GOLD, NEWER_GOLD));
        assertEquals(Optional.of("newer gold"), best("GOLD", PartnerType.SI, GOLD, GOLD_MSP, NEWER_GOLD));
        assertEquals(Optional.of("resellers"), best("SILVER", PartnerType.RESELLER, GOLD, GOLD_MSP, RESELLERS));
    }

    @Test
    void anUnmarkedTemplateIsNobodysDefaultAndAPartnerWithoutTierOrTypeMatchesOnlyWhatAsksNothingOfIt() {
        assertEquals(Optional.empty(), best("GOLD", PartnerType.MSP, UNMARKED));
        assertEquals(Optional.empty(), best(null, null, GOLD, GOLD_MSP, RESELLERS, UNMARKED));
        assertEquals(Optional.of("resellers"), best(null, PartnerType.RESELLER, GOLD, RESELLERS));
        assertEquals(0, GOLD_MSP.audience().fit("GOLD", null));
        assertEquals(2, GOLD_MSP.audience().fit("PLATINUM", PartnerType.MSP));
    }
}
