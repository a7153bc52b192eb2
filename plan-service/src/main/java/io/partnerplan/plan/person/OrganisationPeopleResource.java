package io.partnerplan.plan.person;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerplan.platform.paging.Page;
import io.partnerplan.platform.paging.PageRequest;
import io.quarkus.security.Authenticated;

@Path("/api/v1/organisations/{id}/people")
@Tag(name = "People")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class OrganisationPeopleResource {

    private final Directory directory;

    public OrganisationPeopleResource(Directory directory) {
        this.directory = directory;
    }

    @GET
    @Operation(summary = "An organisation's people, oldest first",
            description = "A partner's people see their own organisation's and the vendor's; the vendor's see every partner's")
    public Page<PersonView> list(@PathParam("id") UUID organisation, @QueryParam("limit") Integer limit,
                                 @QueryParam("cursor") String cursor) {
        return directory.list(organisation, PageRequest.of(limit, cursor));
    }

}
