package io.partnerplan.platform.requestid;

import java.util.UUID;

import org.jboss.logging.MDC;

/** The id that ties a request's problem answer, logs and events together. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    private RequestIds() {
    }

    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }

    /** Accepts a caller's id when it is short and printable, so log lines cannot be forged through it. */
    public static String sanitize(String candidate) {
        if (candidate != null && candidate.length() <= 64 && candidate.matches("[A-Za-z0-9._:-]+")) {
            return candidate;
        }
        return UUID.randomUUID().toString().replace("-", "");
    }
}
