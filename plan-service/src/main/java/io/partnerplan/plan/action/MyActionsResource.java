package io.partnerplan.plan.action;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerplan.platform.paging.Page;
import io.partnerplan.platform.paging.PageRequest;
import io.quarkus.security.Authenticated;

/** "My actions": the caller's action items across every plan they are a member of. */
@Path("/api/v1/actions")
@Tag(name = "Plans")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class MyActionsResource {

    private final PlanActions actions;

    public MyActionsResource(PlanActions actions) {
        this.actions = actions;
    }

    @GET
    @Operation(summary = "Your action items across all your plans, oldest first",
            description = "The items you own in the plans you are a member of. Filters combine: status (repeatable or "
                    + "comma-separated: any of them), dueFrom..dueTo (inclusive dates).")
    public Page<ActionView> mine(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor,
                                 @QueryParam("status") @Parameter(description = "OPEN, IN_PROGRESS, BLOCKED, DONE or CANCELLED")
                                 List<String> status,
                                 @QueryParam("dueFrom") @Parameter(description = "Due on or after", example = "2027-03-01") String dueFrom,
                                 @QueryParam("dueTo") @Parameter(description = "Due on or before", example = "2027-03-31") String dueTo) {
        return actions.mine(ActionFilter.of(status, null, dueFrom, dueTo), PageRequest.of(limit, cursor));
    }
}
