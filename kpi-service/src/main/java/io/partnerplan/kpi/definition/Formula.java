package io.partnerplan.kpi.definition;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.ezylang.evalex.EvaluationException;
import com.ezylang.evalex.Expression;
import com.ezylang.evalex.config.ExpressionConfiguration;
import com.ezylang.evalex.data.EvaluationValue;
import com.ezylang.evalex.parser.ParseException;

/**
 * A derived KPI's formula over other KPIs, e.g. {@code deals_won / deals_closed * 100}. Parsed and
 * evaluated by EvalEx, an arithmetic expression library: no script or code is ever run. KPI keys are
 * written with underscores for their hyphens ({@code win-rate} is {@code win_rate}); keys have no
 * underscores, so the mapping is unambiguous.
 */
public final class Formula {

    private static final ExpressionConfiguration CONFIG = ExpressionConfiguration.builder()
            .mathContext(MathContext.DECIMAL64).build();

    private final String text;
    private final Set<String> inputs;

    private Formula(String text, Set<String> inputs) {
        this.text = text;
        this.inputs = inputs;
    }

    /** @throws IllegalArgumentException with a message a user can act on when the formula is not valid arithmetic */
    public static Formula parse(String text) {
        Expression expression = new Expression(text, CONFIG);
        try {
            expression.validate();
            Set<String> keys = new TreeSet<>();
            for (String variable : expression.getUsedVariables()) {
                keys.add(keyOf(variable));
            }
            if (keys.isEmpty()) {
                throw new IllegalArgumentException("names no KPI: a derived KPI is computed from other KPIs");
            }
            return new Formula(text, Set.copyOf(keys));
        } catch (ParseException e) {
            throw new IllegalArgumentException("is not a valid formula: " + e.getMessage());
        }
    }

    static String keyOf(String variable) {
        return variable.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String variableOf(String key) {
        return key.replace('-', '_');
    }

    public String text() {
        return text;
    }

    /** The keys of the KPIs the formula reads. */
    public Set<String> inputs() {
        return inputs;
    }

    /**
     * The formula's value for the inputs' values by KPI key; null when an input has no value or the
     * arithmetic has no answer (division by zero): "no value", not an error.
     */
    public BigDecimal evaluate(Map<String, BigDecimal> values) {
        Expression expression = new Expression(text, CONFIG);
        for (String key : inputs) {
            BigDecimal value = values.get(key);
            if (value == null) {
                return null;
            }
            expression.with(variableOf(key), value);
        }
        try {
            EvaluationValue result = expression.evaluate();
            return result.isNumberValue() ? result.getNumberValue() : null;
        } catch (EvaluationException | ParseException | ArithmeticException e) {
            return null;
        }
    }
}
