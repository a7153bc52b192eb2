package io.partnerplan.kpi.attainment;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How kpi-service writes decimals in answers and events: plain strings, at most 4 decimals, no trailing zeros. */
public final class Decimals {

    private Decimals() {
    }

    public static String plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal shown = value.scale() > 4 ? value.setScale(4, RoundingMode.HALF_UP) : value;
        return shown.stripTrailingZeros().toPlainString();
    }
}
