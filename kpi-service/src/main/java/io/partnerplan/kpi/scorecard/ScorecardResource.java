package io.partnerplan.kpi.scorecard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerplan.platform.web.Params;
import io.quarkus.security.Authenticated;

@Path("/api/v1/scorecards")
@Tag(name = "Scorecards", description = "Attainment, forecast, RAG and trend of a plan's KPIs")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ScorecardResource {

    private final Scorecards scorecards;
    private final Clock clock;

    public ScorecardResource(Scorecards scorecards, Clock clock) {
        this.scorecards = scorecards;
        this.clock = clock;
    }

    @GET
    @Path("/{planId}")
    @Operation(summary = "A plan's scorecard", description = "Every KPI with targets or values: per period target, actual, "
            + "attainment, run-rate forecast and RAG (closed periods judged on their actual, the current one on its "
            + "forecast), attainment to date, trend, a daily series for charts, and the milestone criteria's states.")
    public ScorecardView get(@PathParam("planId") UUID planId,
                             @QueryParam("asOf") @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(
                                     description = "The day to judge as of (default today, UTC)", example = "2027-03-15") String asOf) {
        LocalDate day = asOf == null ? LocalDate.now(clock) : Params.date("asOf", asOf);
        return scorecards.of(planId, day);
    }
}
