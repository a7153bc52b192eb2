package io.partnerplan.kpi.scorecard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** What the portfolio keeps and exports cannot fail a measurement or run in a spreadsheet. */
class PortfolioSafetyTest {

    @Test
    void textThatLooksLikeAFormulaStaysTextInTheCsv() {
        assertEquals("'=HYPERLINK(\"http://evil.example\",\"Q3\")", PortfolioRow.text("=HYPERLINK(\"http://evil.example\",\"Q3\")"));
        assertEquals("'+1", PortfolioRow.text("+1"));
        assertEquals("'@SUM(A1)", PortfolioRow.text("@SUM(A1)"));
        assertEquals("Northwind Resellers", PortfolioRow.text("Northwind Resellers"));
        assertNull(PortfolioRow.text(null));
    }

    @Test
    void aFigureTheColumnCannotHoldIsNoValueRatherThanAFailedWrite() {
        assertEquals(new BigDecimal("99999999.9"), ScorecardChanges.decimal("99999999.9", 8));
        assertNull(ScorecardChanges.decimal("100000000.0", 8));
        assertNull(ScorecardChanges.decimal("-1E+20", 16));
        assertEquals(new BigDecimal("-5.5"), ScorecardChanges.decimal("-5.5", 16));
    }
}
