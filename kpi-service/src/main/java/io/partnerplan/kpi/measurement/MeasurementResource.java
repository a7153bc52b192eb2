package io.partnerplan.kpi.measurement;

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

    public MeasurementResource(Measurements measurements) {
        this.measurements = measurements;
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

    @GET
    @Operation(summary = "A plan's measurements, oldest first, optionally of one KPI")
    public Page<MeasurementView> list(@QueryParam("planId") UUID planId, @QueryParam("kpi") String kpi,
                                      @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        if (planId == null) {
            throw ProblemException.badRequest("planId", "is required");
        }
        return measurements.list(planId, kpi, PageRequest.of(limit, cursor));
    }
}
