package io.partnerplan.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import jakarta.persistence.PersistenceException;

import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

class DatabaseUnavailableTest {

    @Test
    void poolTimeoutWrappedByHibernateIsTheDatabaseBeingUnavailable() {
        var wrapped = new PersistenceException(new GenericJDBCException("Unable to acquire JDBC Connection",
                new SQLException("Sorry, acquisition timeout!")));
        assertTrue(DatabaseUnavailable.causes(wrapped));
        assertTrue(DatabaseUnavailable.causes(new SQLException("Acquisition timeout while waiting for new connection")));
    }

    @Test
    void refusedOrBrokenConnectionsAndServerShutdownAre() {
        assertTrue(DatabaseUnavailable.causes(new RuntimeException(
                new PSQLException("Connection to 127.0.0.1:5432 refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT))));
        assertTrue(DatabaseUnavailable.causes(new PSQLException("An I/O error occurred", PSQLState.CONNECTION_FAILURE)));
        assertTrue(DatabaseUnavailable.causes(new SQLException("terminating connection due to administrator command", "57P01")));
        assertTrue(DatabaseUnavailable.causes(new SQLException("the database system is starting up", "57P03")));
        assertTrue(DatabaseUnavailable.causes(new JDBCConnectionException("gone", new SQLException("gone"))));
    }

    @Test
    void requestsFaultsAndBugsAreNot() {
        assertFalse(DatabaseUnavailable.causes(new SQLException("duplicate key value", "23505")));
        assertFalse(DatabaseUnavailable.causes(new SQLException("syntax error", "42601")));
        assertFalse(DatabaseUnavailable.causes(new IllegalStateException("bug")));
        assertFalse(DatabaseUnavailable.causes(new GenericJDBCException("x", new SQLException("value too long", "22001"))));
    }
}
