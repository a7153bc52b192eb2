package io.partnerplan.plan.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.partnerplan.platform.problem.ProblemException;

class PlanLifecycleTest {

    @ParameterizedTest
    @CsvSource({ "DRAFT,PROPOSED", "PROPOSED,AGREED", "PROPOSED,DRAFT", "AGREED,ACTIVE", "ACTIVE,IN_REVIEW",
            "IN_REVIEW,ACTIVE", "ACTIVE,RENEWED", "IN_REVIEW,CLOSED" })
    void allowsTheDocumentedPath(PlanStatus from, PlanStatus to) {
        assertTrue(PlanLifecycle.allows(from, to));
    }

    @ParameterizedTest
    @CsvSource({ "DRAFT,AGREED", "DRAFT,ACTIVE", "PROPOSED,ACTIVE", "AGREED,DRAFT", "CLOSED,ACTIVE", "RENEWED,ACTIVE",
            "ACTIVE,DRAFT" })
    void refusesShortcutsAndResurrection(PlanStatus from, PlanStatus to) {
        assertFalse(PlanLifecycle.allows(from, to));
    }

    @Test
    void refusalSaysWhatIsAllowed() {
        ProblemException refused = assertThrows(ProblemException.class,
                () -> PlanLifecycle.requireTransition(PlanStatus.DRAFT, PlanStatus.ACTIVE));
        assertEquals(409, refused.status());
        assertTrue(refused.getMessage().contains("PROPOSED"), refused.getMessage());
    }

    @Test
    void onlyUnagreedPlansAreEditedDirectly() {
        assertTrue(PlanLifecycle.editable(PlanStatus.DRAFT));
        assertTrue(PlanLifecycle.editable(PlanStatus.PROPOSED));
        assertFalse(PlanLifecycle.editable(PlanStatus.ACTIVE));
    }
}
