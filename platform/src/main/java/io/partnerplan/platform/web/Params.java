package io.partnerplan.platform.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import io.partnerplan.platform.problem.ProblemException;
import io.partnerplan.platform.validation.Dates;

/**
 * Parses path and query parameters with a 400 naming the parameter, where JAX-RS conversion
 * would answer a bare 404.
 */
public final class Params {

    private Params() {
    }

    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(name, "is required");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name, "must be a date (YYYY-MM-DD)");
        }
        if (!Dates.inRange(date)) {
            throw ProblemException.badRequest(name, Dates.RULE);
        }
        return date;
    }

    /**
     * A {@code like ... escape '\\'} pattern for "contains {@code text}, ignoring case": the text lower-cased
     * (compare it with {@code lower(column)}), its {@code %}, {@code _} and backslashes taken literally.
     */
    public static String containsIgnoringCase(String text) {
        return "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
