package io.partnerplan.kpi.scorecard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerplan.kpi.attainment.Rag;
import io.partnerplan.platform.paging.Page;
import io.partnerplan.platform.paging.PageRequest;
import io.partnerplan.platform.problem.Problem;
import io.partnerplan.platform.problem.ProblemException;
import io.partnerplan.platform.security.Caller;
import io.partnerplan.platform.security.Roles;
import io.partnerplan.platform.web.Params;
import io.quarkus.security.Authenticated;

@Path("/api/v1/scorecards")
@Tag(name = "Scorecards", description = "Attainment, forecast, RAG and trend of a plan's KPIs")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ScorecardResource {

    private static final int CSV_CHUNK = 500;

    private final Scorecards scorecards;
    private final Portfolio portfolio;
    private final Caller caller;
    private final Clock clock;

    public ScorecardResource(Scorecards scorecards, Portfolio portfolio, Caller caller, Clock clock) {
        this.portfolio = portfolio;
        this.caller = caller;
        this.scorecards = scorecards;
        this.clock = clock;
    }

    @GET
    @Path("/portfolio")
    @RolesAllowed({ Roles.VENDOR_MANAGER, Roles.EXECUTIVE_SPONSOR, Roles.VIEWER })
    @Operation(summary = "The vendor's portfolio scorecard", description = "One row per plan and KPI across all of the "
            + "caller's (vendor) organisation's plans: the KPI in its current period as of the plan's last summary (asOf), "
            + "computed within seconds of a change of its measurements, targets or periods, when a period closes, and daily. Sorted by partner name or attainment (prefix - for descending; "
            + "rows without attainment last), filtered by RAG and KPI (repeat the parameter for several), cursor-paged. "
            + "Send Accept: text/csv for the same rows as a streamed CSV file (no paging). Partner-side callers get 403.")
    @APIResponse(responseCode = "200", description = "A page of rows",
            content = @Content(schema = @Schema(implementation = PortfolioRow.class)))
    @APIResponse(responseCode = "403", description = "A partner-side caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<PortfolioRow> portfolio(@QueryParam("sort") @Parameter(description = "partner (default), -partner, attainment, -attainment") String sort,
                                        @QueryParam("rag") List<String> rag, @QueryParam("kpi") List<String> kpi,
                                        @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        return portfolio.page(view(sort, rag, kpi), page);
    }

    @GET
    @Path("/portfolio")
    @Produces("text/csv")
    @RolesAllowed({ Roles.VENDOR_MANAGER, Roles.EXECUTIVE_SPONSOR, Roles.VIEWER })
    @Operation(summary = "The vendor's portfolio scorecard as CSV", description = "The same rows, sort and filters as the "
            + "JSON view, all of them, streamed in chunks (a header row first).")
    @APIResponse(responseCode = "200", description = "CSV", content = @Content(mediaType = "text/csv"))
    public Response portfolioCsv(@QueryParam("sort") String sort, @QueryParam("rag") List<String> rag,
                                 @QueryParam("kpi") List<String> kpi) {
        Portfolio.View view = view(sort, rag, kpi);
        StreamingOutput body = out -> {
            CsvMapper csv = new CsvMapper();
            csv.registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule());
            csv.disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
            try (SequenceWriter writer = csv.writer(csv.schemaFor(PortfolioRow.class).withHeader()).writeValues(out)) {
                UUID after = null;
                while (true) {
                    List<Object[]> chunk = portfolio.chunk(view, after, CSV_CHUNK);
                    for (Object[] row : chunk) {
                        writer.write(Portfolio.row(row).forSpreadsheet());
                    }
                    if (chunk.size() < CSV_CHUNK) {
                        break;
                    }
                    after = (UUID) chunk.get(chunk.size() - 1)[0];
                    writer.flush();
                }
            }
        };
        return Response.ok(body, "text/csv").header("Content-Disposition", "attachment; filename=\"portfolio.csv\"").build();
    }

    private Portfolio.View view(String sort, List<String> rag, List<String> kpi) {
        String tenant = caller.requireTenant();
        UUID organisation = caller.requireOrganisation();
        portfolio.requireVendorSide(tenant, organisation);
        Set<Rag> rags = new java.util.TreeSet<>();
        for (String r : rag == null ? List.<String>of() : rag) {
            try {
                rags.add(Rag.valueOf(r));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("rag", "must be GREEN, AMBER or RED");
            }
        }
        return new Portfolio.View(tenant, organisation, rags, kpi == null ? Set.of() : Set.copyOf(kpi), Portfolio.Sort.parse(sort));
    }

    @GET
    @Path("/{planId}")
    @Operation(summary = "A plan's scorecard", description = "Every KPI with targets or values: per period target, actual, "
            + "attainment, run-rate forecast and RAG (closed periods judged on their actual, the current one on its "
            + "forecast), attainment to date, trend, a series for charts (per month by default, or per week or day: see series), "
            + "and the milestone criteria's states. A scorecard is computed once per change of its values, targets, periods, "
            + "KPIs or milestone criteria and kept, so reading it again is fast; series=day over a long horizon answers thousands of points per KPI "
            + "(five years of twenty KPIs: 18,000+ points, about 1 MB) and is slower. 400 names series when it is none of its values.")
    @APIResponse(responseCode = "200", description = "The scorecard, with its ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScorecardView.class)))
    @APIResponse(responseCode = "304", description = "If-None-Match names the current ETag: the caller's copy is current")
    public Response get(@PathParam("planId") UUID planId,
                             @QueryParam("asOf") @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(
                                     description = "The day to judge as of (default today, UTC)", example = "2027-03-15") String asOf,
                             @QueryParam("series") @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(
                                     description = "The chart series' points: month (default), week (from Monday), day (slower over long "
                                             + "horizons), or none. A derived KPI's series is per period whatever is asked.", example = "week") String series,
                             @HeaderParam(HttpHeaders.IF_NONE_MATCH) @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(
                                     description = "The ETag of the copy the caller holds: 304 without a body while it is current") String ifNoneMatch) {
        LocalDate day = asOf == null ? LocalDate.now(clock) : Params.date("asOf", asOf);
        Scorecards.Answer answer = scorecards.answer(planId, day, SeriesGranularity.parse(series), ifNoneMatch);
        if (answer.json() == null) {
            return Response.notModified(answer.etag()).build();
        }
        // The kept answer's bytes as they are: serializing them again per read cost as much as the rest of it.
        return Response.ok(answer.json(), MediaType.APPLICATION_JSON).tag(answer.etag()).build();
    }
}
