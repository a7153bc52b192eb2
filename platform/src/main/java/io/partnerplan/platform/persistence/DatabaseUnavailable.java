package io.partnerplan.platform.persistence;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;

import org.hibernate.exception.JDBCConnectionException;

/**
 * Recognises a failure caused by the database being out of reach rather than by the request: the
 * server restarting or refusing connections, a connection broken mid-statement, or the pool
 * unable to hand out a connection in time. Such a request may well succeed a moment later, so it
 * is answered 503 with Retry-After instead of 500.
 */
public final class DatabaseUnavailable {

    private DatabaseUnavailable() {
    }

    public static boolean causes(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (matches(t)) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (matches(suppressed)) {
                    return true;
                }
            }
            if (t instanceof SQLException sql && sql.getNextException() != null && matches(sql.getNextException())) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(Throwable t) {
        if (t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException
                || t instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null && (state.startsWith("08") // connection exception
                    || state.equals("57P01") // admin_shutdown
                    || state.equals("57P02") // crash_shutdown
                    || state.equals("57P03") // cannot_connect_now (starting up, shutting down)
                    || state.equals("53300"))) { // too_many_connections
                return true;
            }
            // Agroal's pool timing out a connection request carries no SQLState
            // ("Sorry, acquisition timeout!", "Acquisition timeout while waiting for new connection").
            String message = sql.getMessage();
            return message != null && message.toLowerCase(Locale.ROOT).contains("acquisition timeout");
        }
        return false;
    }
}
