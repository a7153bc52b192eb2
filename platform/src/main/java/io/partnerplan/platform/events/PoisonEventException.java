package io.partnerplan.platform.events;

/** An event no retry can fix (malformed, unknown schema): it goes straight to the dead-letter topic. */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message) {
        super(message);
    }
}
