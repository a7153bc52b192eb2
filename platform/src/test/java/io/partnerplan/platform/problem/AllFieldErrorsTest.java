package io.partnerplan.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.partnerplan.platform.validation.ControlCharacters;
import io.partnerplan.platform.validation.SafeJson;

/** A request body's field errors are all found in one reading, each named by its path; elsewhere the first one throws. */
class AllFieldErrorsTest {

    enum Kind { VENDOR, PARTNER }

    record Item(String title, BigDecimal amount) {
    }

    record Request(String name, Kind kind, UUID partner, LocalDate start, List<Item> items, Item main) {
    }

    private final ObjectMapper json = mapper();

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        new SafeJson().customize(mapper);
        new AllFieldErrorsHandler().customize(mapper);
        return mapper;
    }

    private static final String BROKEN = """
            {"name":"a\\u0000b","kind":"RESELLER","partner":"42","start":"2027-13-01","tenantId":"x",
             "items":[{"title":"ok","amount":"lots"},{"title":"fine","amount":3,"colour":{"nested":[1]}}]}""";

    @Test
    void everyBrokenFieldIsRecordedAndTheRestIsRead() throws Exception {
        List<Problem.FieldError> errors = AllFieldErrors.start();
        Request request;
        try {
            request = json.readValue(BROKEN, Request.class);
        } finally {
            AllFieldErrors.stop();
        }
        Map<String, String> byField = errors.stream().collect(Collectors.toMap(Problem.FieldError::field, Problem.FieldError::message));
        assertEquals(List.of("items[0].amount", "items[1].colour", "kind", "name", "partner", "start", "tenantId"),
                errors.stream().map(Problem.FieldError::field).sorted().toList());
        assertEquals(ControlCharacters.RULE, byField.get("name"));
        assertEquals("must be a valid one of [VENDOR, PARTNER]", byField.get("kind"));
        assertEquals("must be a valid UUID", byField.get("partner"));
        assertEquals("must be a valid date (YYYY-MM-DD)", byField.get("start"));
        assertEquals("must be a valid decimal number", byField.get("items[0].amount"));
        assertEquals("unknown property (allowed: items, kind, main, name, partner, start)", byField.get("tenantId"));
        assertEquals("unknown property (allowed: amount, title)", byField.get("items[1].colour"));
        // The broken values read as absent; the good ones are there for the rules that come after.
        assertNull(request.name());
        assertNull(request.kind());
        assertNull(request.items().get(0).amount());
        assertEquals("fine", request.items().get(1).title());
        assertEquals(new BigDecimal("3"), request.items().get(1).amount());
    }

    @Test
    void anUnknownPropertyIsNamedByItsOwnPathWhateverItsValue() throws Exception {
        for (String value : List.of("{}", "{\"a\":1}", "[]", "[1,{}]", "1", "null")) {
            List<Problem.FieldError> errors = AllFieldErrors.start();
            try {
                json.readValue("{\"swot\":" + value + ",\"items\":[{\"title\":\"t\"},{\"title\":\"t\",\"swot\":" + value + "}],"
                        + "\"main\":{\"swot\":" + value + ",\"title\":\"t\"},\"name\":\"n\"}", Request.class);
            } finally {
                AllFieldErrors.stop();
            }
            assertEquals(List.of("items[1].swot", "main.swot", "swot"), errors.stream().map(Problem.FieldError::field).sorted().toList(), value);
        }
    }

    @Test
    void outsideARequestBodyTheFirstErrorThrowsAsBefore() {
        assertThrows(FieldRuleBroken.class, () -> json.readValue("{\"name\":\"a\\u0000b\",\"tenantId\":1}", Request.class));
        assertThrows(UnrecognizedPropertyException.class, () -> json.readValue("{\"tenantId\":1}", Request.class));
        assertFalse(AllFieldErrors.collecting());
    }
}
