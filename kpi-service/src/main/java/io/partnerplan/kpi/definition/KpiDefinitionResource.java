package io.partnerplan.kpi.definition;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerplan.platform.concurrency.Versions;
import io.partnerplan.platform.idempotency.Idempotent;
import io.partnerplan.platform.paging.Page;
import io.partnerplan.platform.paging.PageRequest;
import io.partnerplan.platform.problem.Problem;
import io.partnerplan.platform.security.Roles;
import io.quarkus.security.Authenticated;

@Path("/api/v1/kpis")
@Tag(name = "KPIs", description = "The tenant's KPI library")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class KpiDefinitionResource {

    private final KpiLibrary library;

    public KpiDefinitionResource(KpiLibrary library) {
        this.library = library;
    }

    @POST
    @Idempotent
    @RolesAllowed({ Roles.TENANT_ADMIN, Roles.VENDOR_MANAGER })
    @Operation(summary = "Add a KPI to the library", description = "With a formula the KPI is derived: computed per "
            + "window from other KPIs of the library (keys with underscores for hyphens, e.g. deals_won / deals_closed * 100); "
            + "division by zero gives no value. Refused: syntax errors, unknown names, cycles, mixed currencies.")
    @APIResponse(responseCode = "201", description = "Defined",
            content = @Content(schema = @Schema(implementation = KpiDefinitionView.class)))
    @APIResponse(responseCode = "409", description = "The key is taken",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response define(@NotNull @Valid KpiDefinitionRequest request) {
        KpiDefinitionView kpi = library.define(request);
        return Response.created(URI.create("/api/v1/kpis/" + kpi.id())).tag(Versions.etag(kpi.version()))
                .entity(kpi).build();
    }

    @POST
    @Path("/standard-library")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({ Roles.TENANT_ADMIN, Roles.VENDOR_MANAGER })
    @Operation(summary = "Add the usual channel KPIs the library lacks (revenue, pipeline, deals registered, win rate, "
            + "certified staff, MDF utilisation, customer NPS)", description = "Safe to call again: existing keys are kept")
    @APIResponse(responseCode = "200", description = "The KPIs added now (none when all were there)")
    public java.util.List<KpiDefinitionView> addStandard(
            @QueryParam("currency") @DefaultValue("USD")
            @jakarta.validation.constraints.Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD") String currency) {
        return library.addStandard(currency);
    }

    @GET
    @Operation(summary = "List the KPI library")
    public Page<KpiDefinitionView> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return library.list(PageRequest.of(limit, cursor));
    }

    @Schema(name = "FormulaChange")
    public record FormulaChange(@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 500)
                                @Schema(example = "deals_won / (deals_won + deals_lost) * 100") String formula) {
    }

    @PUT
    @Path("/{id}/formula")
    @RolesAllowed({ Roles.TENANT_ADMIN, Roles.VENDOR_MANAGER })
    @Operation(summary = "Change a derived KPI's formula", description = "Checked like a new one: valid arithmetic, "
            + "KPIs of the library only, no cycle through other derived KPIs, one currency. Needs If-Match.")
    @APIResponse(responseCode = "200", description = "Changed; ETag carries the new version",
            content = @Content(schema = @Schema(implementation = KpiDefinitionView.class)))
    @APIResponse(responseCode = "400", description = "Syntax error, unknown name, cycle or mixed currencies",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The KPI is measured, not derived",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed since you read it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response changeFormula(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                  @NotNull @Valid FormulaChange change) {
        KpiDefinitionView kpi = library.changeFormula(id, ifMatch, change.formula());
        return Response.ok(kpi).tag(Versions.etag(kpi.version())).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get one KPI definition")
    @APIResponse(responseCode = "200", description = "The KPI; ETag carries its version",
            content = @Content(schema = @Schema(implementation = KpiDefinitionView.class)))
    public Response get(@PathParam("id") UUID id) {
        KpiDefinitionView kpi = library.get(id);
        return Response.ok(kpi).tag(Versions.etag(kpi.version())).build();
    }
}
