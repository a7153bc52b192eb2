package io.partnerplan.calendar.mop;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerplan.platform.paging.Page;
import io.partnerplan.platform.paging.PageRequest;
import io.partnerplan.platform.web.Params;
import io.quarkus.security.Authenticated;

@Path("/api/v1/partnerships/{vendorId}/{partnerId}")
@Tag(name = "Mutual Operating Periods", description = "Both parties' fiscal rhythms side by side, and the MOP they agree")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class PartnershipResource {

    private final MopService mops;

    public PartnershipResource(MopService mops) {
        this.mops = mops;
    }

    @GET
    @Path("/quarter-ends")
    @Operation(summary = "Both parties' quarter-ends over a range, their closing windows and the days between them")
    public SideBySide quarterEnds(@PathParam("vendorId") UUID vendor, @PathParam("partnerId") UUID partner,
                                  @QueryParam("from") @Parameter(required = true) @Schema(format = "date", example = "2026-01-01") String from,
                                  @QueryParam("to") @Parameter(required = true) @Schema(format = "date", example = "2026-12-31") String to,
                                  @QueryParam("closingDays") @DefaultValue("14") int closingDays) {
        return mops.sideBySide(vendor, partner, Params.date("from", from), Params.date("to", to), closingDays);
    }

    @GET
    @Path("/away-in-closing-windows")
    @Operation(summary = "Members of either side who are away during either side's closing window, over a range",
            description = "The article's anecdote: the partner's rep on holiday in the last two weeks of the vendor's quarter")
    public List<AwayInClosingWindow> awayInClosingWindows(@PathParam("vendorId") UUID vendor, @PathParam("partnerId") UUID partner,
                                                          @QueryParam("from") @Parameter(required = true) @Schema(format = "date", example = "2026-01-01") String from,
                                                          @QueryParam("to") @Parameter(required = true) @Schema(format = "date", example = "2026-12-31") String to,
                                                          @QueryParam("closingDays") @DefaultValue("14") int closingDays) {
        return mops.awayInClosingWindows(vendor, partner, Params.date("from", from), Params.date("to", to), closingDays);
    }

    @GET
    @Path("/mop-candidates")
    @Operation(summary = "Candidate Mutual Operating Periods for a year, in every form, best first, with their scores")
    public List<MopCandidate> candidates(@PathParam("vendorId") UUID vendor, @PathParam("partnerId") UUID partner,
                                         @QueryParam("start") @Parameter(required = true) @Schema(format = "date", example = "2027-01-01") String start,
                                         @QueryParam("closingDays") @DefaultValue("14") int closingDays) {
        return mops.candidates(vendor, partner, Params.date("start", start), closingDays);
    }

    @GET
    @Path("/mops")
    @Operation(summary = "The partnership's MOPs, proposed, agreed and superseded, oldest first")
    public Page<MopView> list(@PathParam("vendorId") UUID vendor, @PathParam("partnerId") UUID partner,
                              @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return mops.list(vendor, partner, PageRequest.of(limit, cursor));
    }
}
