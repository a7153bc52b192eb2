package io.partnerplan.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class JsonAnswersTest {

    record Plan(String title, String description, List<String> tags, Map<String, Object> sections) {
    }

    @Test
    void answersLeaveAbsentValuesOutWhileTheApplicationMapperKeepsThem() throws Exception {
        ObjectMapper application = new ObjectMapper();
        Map<String, Object> sections = new HashMap<>();
        sections.put("goals", null);
        Plan plan = new Plan("FY27", null, List.of(), sections);

        assertEquals("{\"title\":\"FY27\",\"tags\":[],\"sections\":{}}",
                new JsonAnswers(application).getContext(Plan.class).writeValueAsString(plan));
        // Events keep their nulls: their contract lists every property.
        assertEquals("{\"title\":\"FY27\",\"description\":null,\"tags\":[],\"sections\":{\"goals\":null}}",
                application.writeValueAsString(plan));
    }
}
