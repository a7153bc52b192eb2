package io.partnerplan.kpi.measurement;

import io.partnerplan.platform.bulk.BulkRowResult;
import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerplan.platform.idempotency.Idempotent;
import io.partnerplan.platform.paging.Page;
import io.partnerplan.platform.paging.PageRequest;
import io.partnerplan.platform.problem.Problem;
import io.partnerplan.platform.problem.ProblemException;
import io.partnerplan.platform.security.Roles;
import io.quarkus.security.Authenticated;

@Path("/api/v1/measurements")
@Tag(name = "Measurements", description = "KPI values reported by CRM, PRM or people")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class MeasurementResource {

    private final Measurements measurements;
    private final MeasurementImport imports;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    public MeasurementResource(Measurements measurements, MeasurementImport imports,
                               com.fasterxml.jackson.databind.ObjectMapper json) {
        this.measurements = measurements;
        this.imports = imports;
        this.json = json;
    }

    @POST
    @Idempotent
    @RolesAllowed({ Roles.VENDOR_MANAGER, Roles.PARTNER_OWNER, Roles.CONTRIBUTOR, Roles.INTEGRATION })
    @Operation(summary = "Record a measurement", description = "With an externalId, re-sending is safe: the same value is "
            + "a duplicate (200), a new value a correction (200) that keeps the old one as history. Emits kpi.measurement.recorded.")
    @APIResponse(responseCode = "201", description = "Accepted", content = @Content(schema = @Schema(implementation = MeasurementView.class)))
    @APIResponse(responseCode = "200", description = "Duplicate or corrected", content = @Content(schema = @Schema(implementation = MeasurementView.class)))
    @APIResponse(responseCode = "404", description = "No such plan, or not one of yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "400", description = "Unknown KPI, wrong currency, outside the plan's horizon...",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response record(@NotNull @Valid MeasurementRequest request) {
        MeasurementView m = measurements.record(request);
        return "accepted".equals(m.outcome())
                ? Response.created(URI.create("/api/v1/measurements?planId=" + m.planId())).entity(m).build()
                : Response.ok(m).build();
    }

    @POST
    @Path("/bulk")
    @Consumes({ "application/x-ndjson", "text/csv" })
    @Produces("application/x-ndjson")
    @RolesAllowed({ Roles.VENDOR_MANAGER, Roles.PARTNER_OWNER, Roles.INTEGRATION })
    @Operation(summary = "Upload many measurements: NDJSON (one MeasurementRequest per line) or CSV with a header row",
            description = "CSV columns: planId,kpi,value,currency,occurredOn,periodStart,source,externalId (any order, blank "
                    + "for absent). Read as a stream and written in batches of 500, each batch in its own transaction. The "
                    + "answer has one NDJSON line per input row: accepted, corrected, duplicate, or rejected with the fields "
                    + "and rules it broke; rejected rows never block the others. Safe to send again: external ids make "
                    + "re-sent rows duplicates. Emits one kpi.measurements.imported per plan and batch. At most 32 MiB "
                    + "per request; split larger files.")
    @APIResponse(responseCode = "200", description = "One result per row",
            content = @Content(mediaType = "application/x-ndjson", schema = @Schema(implementation = BulkRowResult.class)))
    public Response bulk(@jakarta.ws.rs.HeaderParam("Content-Type") String contentType, java.io.InputStream body)
            throws java.io.IOException {
        StringBuilder out = new StringBuilder();
        java.util.function.Consumer<BulkRowResult> collect = result -> {
            try {
                out.append(json.writeValueAsString(result)).append('\n');
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        };
        if (contentType != null && contentType.startsWith("text/csv")) {
            imports.csv(body, collect);
        } else {
            imports.ndjson(body, collect);
        }
        return Response.ok(out.toString(), "application/x-ndjson").build();
    }

    @GET
    @Operation(summary = "A plan's measurements, oldest first, optionally of one KPI")
    public Page<MeasurementView> list(@QueryParam("planId") @Parameter(required = true) UUID planId, @QueryParam("kpi") String kpi,
                                      @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        if (planId == null) {
            throw ProblemException.badRequest("planId", "is required");
        }
        return measurements.list(planId, kpi, PageRequest.of(limit, cursor));
    }
}
