package io.partnerplan.plan.person;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerplan.platform.concurrency.Versions;
import io.partnerplan.platform.problem.Problem;
import io.partnerplan.platform.security.Roles;
import io.quarkus.security.Authenticated;

@Path("/api/v1/people")
@Tag(name = "People", description = "The directory: each organisation's people, from their own tokens or their organisation's sync")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class PersonResource {

    private final Directory directory;

    public PersonResource(Directory directory) {
        this.directory = directory;
    }

    @GET
    @Path("/me")
    @Operation(summary = "Your own entry in your organisation's directory",
            description = "Taken from your token (sub, org, name, email, locale, zoneinfo) the first time you call plan-service "
                    + "and kept up to date from it")
    @APIResponse(responseCode = "200", description = "You", content = @Content(schema = @Schema(implementation = PersonView.class)))
    public Response me() {
        PersonView me = directory.me();
        return Response.ok(me).tag(Versions.etag(me.version())).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One person of an organisation you may see")
    @APIResponse(responseCode = "200", description = "The person", content = @Content(schema = @Schema(implementation = PersonView.class)))
    @APIResponse(responseCode = "404", description = "No such person in your world",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        PersonView person = directory.get(id);
        return Response.ok(person).tag(Versions.etag(person.version())).build();
    }

    @PUT
    @Path("/by-external-id/{system}/{externalId}")
    @RolesAllowed(Roles.INTEGRATION)
    @Operation(summary = "Create or update a person of your own organisation by your system's id for them",
            description = "For an organisation's integration client (its token names the organisation): safe to run again; "
                    + "an unchanged person keeps its version and emits no event. The person's token later keeps name, "
                    + "address, language and zone current. Emits person.upserted. If-Match is honoured when sent.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = PersonView.class)))
    @APIResponse(responseCode = "200", description = "Updated or unchanged",
            content = @Content(schema = @Schema(implementation = PersonView.class)))
    @APIResponse(responseCode = "409", description = "The subject is a person of another organisation, or known by another id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response upsert(
            @PathParam("system") @Pattern(regexp = "[a-z0-9-]+(:[a-z0-9-]+)*", message = "must look like hr:workday")
            @Size(max = 60) @Parameter(example = "hr:workday") String system,
            @PathParam("externalId") @Pattern(regexp = "[A-Za-z0-9._~:@-]+", message = "must be letters, digits or ._~:@-")
            @Size(max = 200) @Parameter(example = "E-1042") String externalId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid PersonRequest request) {
        Directory.Upserted result = directory.upsert(system, externalId, ifMatch, request);
        PersonView person = result.person();
        Response.ResponseBuilder answer = result.created()
                ? Response.created(URI.create("/api/v1/people/" + person.id()))
                : Response.ok();
        return answer.tag(Versions.etag(person.version())).entity(person).build();
    }
}
