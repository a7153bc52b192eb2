package io.partnerplan.kpi.deal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnerplan.platform.bulk.BulkRowResult;
import io.partnerplan.platform.concurrency.Versions;
import io.partnerplan.platform.idempotency.Idempotent;
import io.partnerplan.platform.paging.Page;
import io.partnerplan.platform.paging.PageRequest;
import io.partnerplan.platform.problem.Problem;
import io.partnerplan.platform.problem.ProblemException;
import io.partnerplan.platform.security.Roles;
import io.quarkus.security.Authenticated;

@Path("/api/v1/deals")
@Tag(name = "Deals", description = "Deal registrations from partners' and the vendor's CRM/PRM; they feed the pipeline KPIs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class DealResource {

    private final Deals deals;
    private final DealImport imports;
    private final ObjectMapper json;

    public DealResource(Deals deals, DealImport imports, ObjectMapper json) {
        this.deals = deals;
        this.imports = imports;
        this.json = json;
    }

    @POST
    @Idempotent
    @RolesAllowed({ Roles.VENDOR_MANAGER, Roles.PARTNER_OWNER, Roles.CONTRIBUTOR, Roles.INTEGRATION })
    @Operation(summary = "Register a deal, or update it by its external id",
            description = "The deal's source is your token's (an integration client's id, MANUAL for a person) and its "
                    + "externalId names it within that source and your organisation: sending it again unchanged changes "
                    + "nothing (200, unchanged), with new content updates it (200, updated). A partner registers its own deals; "
                    + "the vendor names the partner (one it has a plan with). Every plan with the partner gets the deal's "
                    + "contribution to its pipeline KPIs (deals-registered, registered-pipeline, deals-won, won-revenue, "
                    + "deals-lost; added to the KPI library the first time, money ones in the deal's currency), with the "
                    + "scorecards and milestone criteria that follow. Emits deal.registered or deal.updated.")
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(schema = @Schema(implementation = DealView.class)))
    @APIResponse(responseCode = "200", description = "Updated or unchanged", content = @Content(schema = @Schema(implementation = DealView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request, e.g. a WON deal without actualCloseOn, or a partner you have no plan with",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The external id already names a deal of another partner",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response register(@NotNull @Valid DealRequest request) {
        DealView deal = deals.upsert(request);
        Response.ResponseBuilder answer = "created".equals(deal.outcome())
                ? Response.created(URI.create("/api/v1/deals/" + deal.id())) : Response.ok();
        return answer.tag(Versions.etag(deal.version())).entity(deal).build();
    }

    @POST
    @Path("/bulk")
    @Consumes("application/x-ndjson")
    @Produces("application/x-ndjson")
    @RolesAllowed({ Roles.VENDOR_MANAGER, Roles.PARTNER_OWNER, Roles.INTEGRATION })
    @Operation(summary = "Register or update many deals, one DealRequest per NDJSON line",
            description = "Each line is upserted by its external id in its own transaction, as a single registration would be: "
                    + "the answer has one NDJSON line per input line (created, updated, unchanged, or rejected with the fields "
                    + "and rules it broke; a rejected line never blocks the others). Safe to send again. At most 32 MiB and "
                    + "partnerplan.bulk.max-lines lines (past it, a last line not-read names where to continue).")
    @APIResponse(responseCode = "200", description = "One result per line",
            content = @Content(mediaType = "application/x-ndjson", schema = @Schema(implementation = BulkRowResult.class)))
    public Response bulk(InputStream body) throws IOException {
        List<BulkRowResult> results = imports.ndjson(body);
        StringBuilder out = new StringBuilder();
        for (BulkRowResult result : results) {
            try {
                out.append(json.writeValueAsString(result)).append('\n');
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return Response.ok(out.toString(), "application/x-ndjson").build();
    }

    @GET
    @Operation(summary = "Deals you may read, oldest first",
            description = "A partner's people and clients read their own organisation's deals; the vendor's those of the partners "
                    + "it has plans with. Filters combine.")
    @APIResponse(responseCode = "200", description = "A page of deals")
    @APIResponse(responseCode = "400", description = "A filter value that cannot be read, named by its parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<DealView> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor,
                               @QueryParam("partnerOrganisationId") @Parameter(description = "Deals of this partner",
                                       schema = @Schema(format = "uuid")) String partner,
                               @QueryParam("stage") @Parameter(description = "Deals in this stage",
                                       schema = @Schema(implementation = DealStage.class)) String stage) {
        UUID partnerId = null;
        if (partner != null && !partner.isBlank()) {
            try {
                partnerId = UUID.fromString(partner.strip());
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("partnerOrganisationId", "must be a UUID");
            }
        }
        DealStage stageValue = null;
        if (stage != null && !stage.isBlank()) {
            try {
                stageValue = DealStage.valueOf(stage.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("stage", "must be one of " + java.util.Arrays.toString(DealStage.values()));
            }
        }
        return deals.list(partnerId, stageValue, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{dealId}")
    @Operation(summary = "One deal; ETag carries its version")
    @APIResponse(responseCode = "200", description = "The deal", content = @Content(schema = @Schema(implementation = DealView.class)))
    @APIResponse(responseCode = "404", description = "No such deal, or not one you may read",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("dealId") UUID id) {
        DealView deal = deals.get(id);
        return Response.ok(deal).tag(Versions.etag(deal.version())).build();
    }
}
