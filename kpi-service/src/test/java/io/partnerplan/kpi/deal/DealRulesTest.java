package io.partnerplan.kpi.deal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.partnerplan.platform.problem.Problem;
import io.partnerplan.platform.problem.ProblemException;

class DealRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 5, 10);
    private static final LocalDate REGISTERED = LocalDate.of(2027, 3, 1);

    private static DealRequest deal(DealStage stage, LocalDate expected, LocalDate actual) {
        return new DealRequest("OPP-1", null, "Globex", "125000", "USD", stage, REGISTERED, expected, actual, List.of());
    }

    private static List<String> fields(DealRequest deal, LocalDate registeredOn) {
        ProblemException e = assertThrows(ProblemException.class, () -> DealRules.check(deal, registeredOn, TODAY));
        assertEquals(400, e.status());
        return e.errors().stream().map(Problem.FieldError::field).toList();
    }

    @Test
    void aWonOrLostDealHasItsCloseDayAndAnOpenOneNone() {
        assertDoesNotThrow(() -> DealRules.check(deal(DealStage.APPROVED, LocalDate.of(2027, 6, 30), null), REGISTERED, TODAY));
        assertDoesNotThrow(() -> DealRules.check(deal(DealStage.WON, LocalDate.of(2027, 6, 30), LocalDate.of(2027, 5, 2)), REGISTERED, TODAY));
        assertEquals(List.of("actualCloseOn"), fields(deal(DealStage.WON, LocalDate.of(2027, 6, 30), null), REGISTERED));
        assertEquals(List.of("actualCloseOn"), fields(deal(DealStage.REGISTERED, LocalDate.of(2027, 6, 30), LocalDate.of(2027, 5, 2)), REGISTERED));
    }

    @Test
    void nothingClosesBeforeItWasRegisteredNorHappensInTheFuture() {
        assertEquals(List.of("actualCloseOn", "expectedCloseOn"),
                fields(deal(DealStage.LOST, LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 1)), REGISTERED));
        assertEquals(List.of("registeredOn"), fields(deal(DealStage.REGISTERED, LocalDate.of(2027, 9, 1), null), LocalDate.of(2027, 6, 1)));
        assertEquals(List.of("actualCloseOn"), fields(deal(DealStage.WON, LocalDate.of(2027, 6, 30), LocalDate.of(2027, 6, 1)), REGISTERED));
        assertEquals(List.of("expectedCloseOn"), fields(deal(DealStage.REGISTERED, LocalDate.of(3001, 1, 1), null), REGISTERED));
    }

    @Test
    void aDealContributesToThePipelineKpisByItsStage() {
        BigDecimal amount = new BigDecimal("125000");
        LocalDate expected = LocalDate.of(2027, 6, 30);
        LocalDate closed = LocalDate.of(2027, 5, 2);
        List<PipelineContribution> open = PipelineContribution.of(DealStage.APPROVED, amount, REGISTERED, null, expected);
        assertEquals(List.of("1", "125000", "0", "0", "0"), open.stream().map(c -> c.value().toPlainString()).toList());
        assertEquals(List.of(REGISTERED, REGISTERED, expected, expected, expected), open.stream().map(PipelineContribution::day).toList());
        List<PipelineContribution> won = PipelineContribution.of(DealStage.WON, amount, REGISTERED, closed, expected);
        assertEquals(List.of("1", "125000", "1", "125000", "0"), won.stream().map(c -> c.value().toPlainString()).toList());
        assertEquals(closed, won.get(3).day());
        List<PipelineContribution> lost = PipelineContribution.of(DealStage.LOST, amount, REGISTERED, closed, expected);
        assertEquals(List.of("1", "125000", "0", "0", "1"), lost.stream().map(c -> c.value().toPlainString()).toList());
        List<PipelineContribution> rejected = PipelineContribution.of(DealStage.REJECTED, amount, REGISTERED, null, expected);
        assertEquals(List.of("0", "0", "0", "0", "0"), rejected.stream().map(c -> c.value().toPlainString()).toList());
        assertEquals(List.of(false, true, false, true, false), won.stream().map(PipelineContribution::money).toList());
    }
}
