package io.partnerplan.platform.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.partnerplan.platform.problem.FieldRuleBroken;

/** Bodies read as a JSON tree (merge patches) follow the control-character rule of every other body. */
class SafeJsonTreeTest {

    private final ObjectMapper json = mapper();

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper();
        new SafeJson().customize(mapper);
        return mapper;
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }

    @Test
    void aControlCharacterInATreeIsNamedByItsPath() {
        FieldRuleBroken nested = assertThrows(FieldRuleBroken.class,
                () -> json.readValue("{\"vendorStatements\":{\"vision\":\"a\\u0000b\"}}", JsonNode.class));
        assertEquals("vendorStatements.vision", path(nested));
        assertEquals(ControlCharacters.RULE, nested.rule());
        FieldRuleBroken inArray = assertThrows(FieldRuleBroken.class,
                () -> json.readValue("{\"swot\":{\"strengths\":[\"ok\",\"\\u001b[2J\"]}}", ObjectNode.class));
        assertEquals("swot.strengths[1]", path(inArray));
        FieldRuleBroken inName = assertThrows(FieldRuleBroken.class,
                () -> json.readValue("{\"sections\":{\"bad\\u0007name\":1}}", JsonNode.class));
        assertEquals("sections", path(inName));
    }

    @Test
    void ordinaryTextIncludingTabsAndLineBreaksPasses() throws Exception {
        JsonNode tree = json.readValue("{\"a\":\"line one\\nline two\\tand a tab\",\"b\":[1,null,\"x\"],\"c\":null}", JsonNode.class);
        assertEquals("line one\nline two\tand a tab", tree.path("a").asText());
        assertEquals(3, tree.path("b").size());
    }
}
