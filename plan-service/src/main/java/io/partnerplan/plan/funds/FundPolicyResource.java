package io.partnerplan.plan.funds;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerplan.platform.concurrency.Versions;
import io.partnerplan.platform.problem.Problem;
import io.quarkus.security.Authenticated;

@Path("/api/v1/funds/policy")
@Tag(name = "Funds", description = "Market development and co-op funds: requests, approvals, claims, payments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class FundPolicyResource {

    private final FundPolicies policies;

    public FundPolicyResource(FundPolicies policies) {
        this.policies = policies;
    }

    @GET
    @Operation(summary = "Your organisation's approval policy for fund requests (the vendor's people)",
            description = "Until a vendor manager sets one: one level from 0 decided by a vendor manager, claims within 90 days")
    @APIResponse(responseCode = "200", description = "The policy; ETag carries its version",
            content = @Content(schema = @Schema(implementation = FundPolicyView.class)))
    @APIResponse(responseCode = "403", description = "Your organisation is a partner",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get() {
        FundPolicyView policy = policies.mine();
        return Response.ok(policy).tag(Versions.etag(policy.version())).build();
    }

    @PUT
    @Operation(summary = "Set the approval policy: levels by amount, approvers by role (vendor manager, If-Match required)",
            description = "Requests already submitted keep the path they started on")
    @APIResponse(responseCode = "200", description = "Set", content = @Content(schema = @Schema(implementation = FundPolicyView.class)))
    @APIResponse(responseCode = "400", description = "Levels not ascending from 0, unknown currency or role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a vendor manager",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed since you read it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response put(@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid FundPolicyRequest request) {
        FundPolicyView policy = policies.replace(ifMatch, request);
        return Response.ok(policy).tag(Versions.etag(policy.version())).build();
    }
}
