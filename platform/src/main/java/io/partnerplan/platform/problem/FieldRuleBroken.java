package io.partnerplan.platform.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * A JSON value that parsed but breaks one of the platform's rules for every body (control
 * characters, dates out of range); Jackson adds the field's path on the way out and the problem
 * mappers answer 400 naming it with {@link #rule()}.
 */
public class FieldRuleBroken extends JsonMappingException {

    private final String rule;

    public FieldRuleBroken(JsonParser parser, String rule) {
        super(parser, rule);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
