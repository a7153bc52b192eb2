package io.partnerplan.calendar.fiscal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerplan.platform.concurrency.Versions;
import io.partnerplan.platform.problem.Problem;
import io.partnerplan.platform.security.Roles;
import io.partnerplan.platform.web.Params;
import io.quarkus.security.Authenticated;

@Path("/api/v1/fiscal-calendars/{organisationId}")
@Tag(name = "Fiscal calendars", description = "Each organisation's fiscal year and where a date falls in it")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class FiscalCalendarResource {

    private final FiscalCalendarService calendars;

    public FiscalCalendarResource(FiscalCalendarService calendars) {
        this.calendars = calendars;
    }

    @PUT
    @RolesAllowed({ Roles.TENANT_ADMIN, Roles.VENDOR_MANAGER, Roles.INTEGRATION, Roles.PARTNER_OWNER })
    @Operation(summary = "Set an organisation's fiscal calendar (If-Match required to replace one)")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = FiscalCalendarView.class)))
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(schema = @Schema(implementation = FiscalCalendarView.class)))
    @APIResponse(responseCode = "428", description = "Replacing without If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response put(@PathParam("organisationId") UUID organisation, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                        @NotNull @Valid FiscalCalendarRequest request) {
        FiscalCalendarService.Result result = calendars.put(organisation, ifMatch, request);
        return Response.status(result.created() ? 201 : 200).tag(Versions.etag(result.calendar().version()))
                .entity(result.calendar()).build();
    }

    @GET
    @Operation(summary = "Get an organisation's fiscal calendar")
    @APIResponse(responseCode = "200", description = "The calendar; ETag carries its version",
            content = @Content(schema = @Schema(implementation = FiscalCalendarView.class)))
    public Response get(@PathParam("organisationId") UUID organisation) {
        FiscalCalendarView calendar = calendars.get(organisation);
        return Response.ok(calendar).tag(Versions.etag(calendar.version())).build();
    }

    @POST
    @Path("/versions")
    @RolesAllowed({ Roles.TENANT_ADMIN, Roles.VENDOR_MANAGER, Roles.INTEGRATION, Roles.PARTNER_OWNER })
    @Operation(summary = "Change the calendar from a date on (If-Match: the calendar's ETag)",
            description = "Dates before effectiveFrom keep the calendar they had; emits fiscal-calendar.changed")
    @APIResponse(responseCode = "200", description = "The calendar with its versions",
            content = @Content(schema = @Schema(implementation = FiscalCalendarView.class)))
    @APIResponse(responseCode = "409", description = "Not after the newest version's date (versions would overlap)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The fiscal years would not chain at effectiveFrom",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response addVersion(@PathParam("organisationId") UUID organisation, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                               @NotNull @Valid FiscalCalendarVersionRequest request) {
        FiscalCalendarView calendar = calendars.addVersion(organisation, ifMatch, request);
        return Response.ok(calendar).tag(Versions.etag(calendar.version())).build();
    }

    @GET
    @Path("/dates/{date}")
    @Operation(summary = "Where a date falls in the organisation's fiscal year: year, quarter, label")
    public FiscalPosition locate(@PathParam("organisationId") UUID organisation,
                                 @PathParam("date") @Schema(example = "2026-11-23", format = "date") String date) {
        return calendars.locate(organisation, Params.date("date", date));
    }

    @POST
    @Path("/positions")
    @Operation(summary = "Where many dates fall, in one call (at most 10,000)")
    public List<FiscalPosition> locateAll(@PathParam("organisationId") UUID organisation, @NotNull @Valid DateBatch batch) {
        return calendars.locate(organisation, batch.dates());
    }

    @GET
    @Path("/years/{fiscalYear}/periods")
    @Operation(summary = "All periods of a fiscal year, in order, each with its quarter")
    public List<FiscalPeriodRange> periods(@PathParam("organisationId") UUID organisation,
                                           @PathParam("fiscalYear") @Min(1900) @Max(2200) int fiscalYear) {
        return calendars.periods(organisation, fiscalYear);
    }

    @GET
    @Path("/quarters")
    @Operation(summary = "The fiscal quarters a date range touches (both ends inclusive)")
    public List<FiscalQuarterRange> quarters(@PathParam("organisationId") UUID organisation,
                                             @QueryParam("from") @Parameter(required = true) @Schema(format = "date", example = "2026-11-01") String from,
                                             @QueryParam("to") @Parameter(required = true) @Schema(format = "date", example = "2027-03-31") String to) {
        return calendars.quartersTouching(organisation, Params.date("from", from), Params.date("to", to));
    }

    @Schema(name = "DateBatch")
    public record DateBatch(@NotNull @Size(min = 1, max = 10_000) List<@NotNull LocalDate> dates) {
    }
}
