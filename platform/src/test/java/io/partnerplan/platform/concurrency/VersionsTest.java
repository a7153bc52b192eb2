package io.partnerplan.platform.concurrency;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.EntityTag;

import org.junit.jupiter.api.Test;

class VersionsTest {

    private final EntityTag current = new EntityTag("a1b2");

    @Test
    void aConditionalReadNamingTheCurrentTagInAnyFormIsNotModified() {
        assertTrue(Versions.notModified("\"a1b2\"", current));
        assertTrue(Versions.notModified("W/\"a1b2\"", current)); // weak comparison, as RFC 9110 asks for If-None-Match
        assertTrue(Versions.notModified("\"old\", \"a1b2\"", current));
        assertTrue(Versions.notModified("*", current));
    }

    @Test
    void anyOtherTagOrNoneIsAFullAnswer() {
        assertFalse(Versions.notModified(null, current));
        assertFalse(Versions.notModified(" ", current));
        assertFalse(Versions.notModified("\"a1b\"", current));
        assertFalse(Versions.notModified("a1b2", current)); // unquoted is not an entity tag
    }
}
