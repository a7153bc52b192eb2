package io.partnerplan.plan.version;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import io.partnerplan.platform.paging.Page;
import io.partnerplan.platform.paging.PageRequest;
import io.quarkus.security.Authenticated;

@Path("/api/v1/plans/{id}/versions")
@Tag(name = "Plans")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class PlanVersionResource {

    private final PlanHistory history;

    public PlanVersionResource(PlanHistory history) {
        this.history = history;
    }

    @GET
    @Operation(summary = "Every version of the plan, oldest first: what changed it, who and when")
    public Page<VersionSummary> list(@PathParam("id") UUID id, @QueryParam("limit") Integer limit,
                                     @QueryParam("cursor") String cursor) {
        return history.list(id, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{version}")
    @Operation(summary = "The whole plan as it was at a version: header, sections, objectives, milestones, investments, budgets and members")
    public JsonNode snapshot(@PathParam("id") UUID id, @PathParam("version") long version) {
        return history.snapshot(id, version);
    }

    @GET
    @Path("/{from}/diff/{to}")
    @Operation(summary = "What changed between two versions, as a JSON Patch")
    public VersionDiff diff(@PathParam("id") UUID id, @PathParam("from") long from, @PathParam("to") long to) {
        return history.diff(id, from, to);
    }
}
