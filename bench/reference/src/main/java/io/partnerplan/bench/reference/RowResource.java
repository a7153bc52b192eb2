package io.partnerplan.bench.reference;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The floor of a read and of a write on this machine's PostgreSQL and Kafka: what any Quarkus service
 * pays before its own logic. A read is one SELECT of one row by key; a write is one transaction with
 * one INSERT, committed, then one Kafka send (with the services' producer settings) that the answer
 * does not wait for, as the services' outbox relay publishes after the commit.
 */
@Path("/rows")
@Produces(MediaType.APPLICATION_JSON)
public class RowResource {

    public record Row(UUID id, String title) {
    }

    public record NewRow(String title) {
    }

    static final String TOPIC = "partnerplan.bench.reference.v1";

    private final DataSource db;
    private final Events events;

    public RowResource(DataSource db, Events events) {
        this.db = db;
        this.events = events;
    }

    @GET
    @Path("/{id}")
    public Row read(@PathParam("id") UUID id) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("select id, title from reference_row where id = ?")) {
            s.setObject(1, id);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new NotFoundException();
                }
                return new Row(r.getObject(1, UUID.class), r.getString(2));
            }
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response write(NewRow body) throws SQLException {
        Row row = new Row(UUID.randomUUID(), body == null || body.title() == null ? "untitled" : body.title());
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("insert into reference_row (id, title, created_at) values (?, ?, now())")) {
                s.setObject(1, row.id());
                s.setString(2, row.title());
                s.executeUpdate();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
        events.send(new ProducerRecord<>(TOPIC, row.id().toString(),
                "{\"id\":\"" + row.id() + "\",\"title\":\"" + row.title().replace("\"", "") + "\"}"));
        return Response.status(201).entity(row).build();
    }
}
