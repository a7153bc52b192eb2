package io.partnerplan.kpi.definition;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.partnerplan.platform.problem.ProblemException;

/**
 * What a derived KPI's formula must satisfy against the tenant's library, each broken rule a 400 on
 * {@code formula}: valid arithmetic, only names of the library's KPIs, no cycle (directly or through
 * other derived KPIs), and money in one currency: every CURRENCY input in the same currency, and a
 * CURRENCY-valued derived KPI in that currency.
 */
public final class FormulaRules {

    private FormulaRules() {
    }

    /** @param library the tenant's KPIs by key (the KPI itself included when its formula is being changed) */
    public static Formula check(String key, KpiUnit unit, String currency, String text, Map<String, KpiDefinition> library) {
        Formula formula;
        try {
            formula = Formula.parse(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("formula", e.getMessage());
        }
        if (formula.inputs().contains(key)) {
            throw ProblemException.badRequest("formula", "makes a cycle: " + key + " → " + key);
        }
        Set<String> unknown = new TreeSet<>(formula.inputs());
        unknown.removeAll(library.keySet());
        if (!unknown.isEmpty()) {
            throw ProblemException.badRequest("formula", "names no KPI of your library: "
                    + String.join(", ", unknown.stream().map(Formula::variableOf).toList()));
        }
        List<String> cycle = cycleBack(key, formula.inputs(), library);
        if (cycle != null) {
            throw ProblemException.badRequest("formula", "makes a cycle: " + String.join(" → ", cycle));
        }
        Set<String> currencies = new TreeSet<>();
        for (String input : formula.inputs()) {
            KpiDefinition kpi = library.get(input);
            if (kpi.unit == KpiUnit.CURRENCY) {
                currencies.add(kpi.currency);
            }
        }
        if (currencies.size() > 1) {
            throw ProblemException.badRequest("formula", "mixes currencies (" + String.join(", ", currencies)
                    + "): values in different currencies cannot be combined");
        }
        if (unit == KpiUnit.CURRENCY && !currencies.isEmpty() && !currencies.contains(currency)) {
            throw ProblemException.badRequest("currency", "must be " + currencies.iterator().next()
                    + ", the currency of the formula's inputs");
        }
        return formula;
    }

    /** A path from one of {@code inputs} back to {@code key} through derived KPIs, or null. */
    private static List<String> cycleBack(String key, Set<String> inputs, Map<String, KpiDefinition> library) {
        Deque<List<String>> paths = new ArrayDeque<>();
        inputs.forEach(i -> paths.add(List.of(key, i)));
        Set<String> seen = new TreeSet<>();
        while (!paths.isEmpty()) {
            List<String> path = paths.poll();
            String last = path.get(path.size() - 1);
            if (last.equals(key)) {
                return path;
            }
            KpiDefinition kpi = library.get(last);
            if (!seen.add(last) || kpi == null || !kpi.derived()) {
                continue;
            }
            for (String next : Formula.parse(kpi.formula).inputs()) {
                List<String> longer = new ArrayList<>(path);
                longer.add(next);
                paths.add(longer);
            }
        }
        return null;
    }
}
