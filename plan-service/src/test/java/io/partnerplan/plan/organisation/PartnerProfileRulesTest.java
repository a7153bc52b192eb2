package io.partnerplan.plan.organisation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.partnerplan.platform.problem.Problem;
import io.partnerplan.platform.problem.ProblemException;

class PartnerProfileRulesTest {

    private static final UUID PROGRAMME = UUID.randomUUID();
    private static final Function<UUID, Optional<List<String>>> TIERS =
            id -> id.equals(PROGRAMME) ? Optional.of(List.of("SILVER", "GOLD")) : Optional.empty();

    private static PartnerProfileRequest profile(UUID programme, String tier, List<String> regions, List<Certification> certifications) {
        return new PartnerProfileRequest(programme, tier, PartnerType.MSP, regions, null, List.of(" Security "), certifications, 40);
    }

    private static List<String> fields(ProblemException e) {
        return e.errors().stream().map(Problem.FieldError::field).toList();
    }

    @Test
    void aProfileIsKeptStrippedWithAbsentListsEmpty() {
        PartnerProfileRules.Profile kept = PartnerProfileRules.check(profile(PROGRAMME, "GOLD", List.of(" EMEA", "DACH "),
                List.of(new Certification(" Cloud Architect ", 3, LocalDate.of(2027, 12, 31)))), "partnerProfile", TIERS);
        assertEquals(List.of("EMEA", "DACH"), kept.regions());
        assertEquals(List.of(), kept.segments());
        assertEquals(List.of("Security"), kept.specialisations());
        assertEquals("Cloud Architect", kept.certifications().get(0).name());
        assertEquals("GOLD", kept.tier());
    }

    @Test
    void aTierIsOneOfTheNamedProgrammesTiers() {
        ProblemException noProgramme = assertThrows(ProblemException.class,
                () -> PartnerProfileRules.check(profile(null, "GOLD", null, null), "partnerProfile", TIERS));
        assertEquals(List.of("partnerProfile.tier"), fields(noProgramme));
        ProblemException unknownProgramme = assertThrows(ProblemException.class,
                () -> PartnerProfileRules.check(profile(UUID.randomUUID(), "GOLD", null, null), "partnerProfile", TIERS));
        assertEquals(List.of("partnerProfile.programmeId"), fields(unknownProgramme));
        ProblemException unknownTier = assertThrows(ProblemException.class,
                () -> PartnerProfileRules.check(profile(PROGRAMME, "PLATINUM", null, null), "partnerProfile", TIERS));
        assertEquals(List.of("partnerProfile.tier"), fields(unknownTier));
        assertTrue(unknownTier.errors().get(0).message().contains("SILVER, GOLD"), unknownTier.errors().get(0).message());
        // Enrolled without a tier yet is fine.
        assertEquals(null, PartnerProfileRules.check(profile(PROGRAMME, null, null, null), "partnerProfile", TIERS).tier());
    }

    @Test
    void repeatedValuesIgnoringCaseAndFarExpiriesAreNamedByIndex() {
        ProblemException e = assertThrows(ProblemException.class, () -> PartnerProfileRules.check(profile(PROGRAMME, null,
                List.of("EMEA", "emea "), List.of(new Certification("A", null, null), new Certification("a", 1, LocalDate.of(3000, 1, 1)))),
                "partnerProfile", TIERS));
        assertEquals(List.of("partnerProfile.regions[1]", "partnerProfile.certifications[1].name",
                "partnerProfile.certifications[1].expiresOn"), fields(e));
    }
}
