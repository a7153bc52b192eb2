package io.partnerplan.kpi.measurement;

import io.partnerplan.platform.bulk.BulkRowResult;
import io.partnerplan.platform.bulk.BulkUpload;
import jakarta.ws.rs.core.StreamingOutput;
import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import io.partnerplan.platform.idempotency.Idempotent;
import io.partnerplan.platform.paging.Page;
import io.partnerplan.platform.paging.PageRequest;
import io.partnerplan.platform.problem.Problem;
import io.partnerplan.platform.problem.ProblemException;
import io.partnerplan.platform.security.Roles;
import io.quarkus.security.Authenticated;

@Path("/api/v1/measurements")
@Tag(name = "Measurements", description = "KPI values reported by CRM, PRM or people")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class MeasurementResource {

    private final Measurements measurements;
    private final MeasurementImport imports;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    public MeasurementResource(Measurements measurements, MeasurementImport imports,
                               com.fasterxml.jackson.databind.ObjectMapper json) {
        this.measurements = measurements;
        this.imports = imports;
        this.json = json;
    }

    @POST
    @Idempotent
    @RolesAllowed({ Roles.VENDOR_MANAGER, Roles.PARTNER_OWNER, Roles.CONTRIBUTOR, Roles.INTEGRATION })
    @Operation(summary = "Record a measurement", description = "The measurement's source is your token's: an integration "
            + "client's id (azp, else client_id, else sub), MANUAL for a person; a body naming another source is refused (400). "
            + "An externalId names the measurement within your source and organisation, so re-sending it is safe: the same "
            + "value is a duplicate (200), a new value a correction (200) that keeps the old one as a revision. Emits "
            + "kpi.measurement.recorded.")
    @APIResponse(responseCode = "201", description = "Accepted", content = @Content(schema = @Schema(implementation = MeasurementView.class)))
    @APIResponse(responseCode = "200", description = "Duplicate or corrected", content = @Content(schema = @Schema(implementation = MeasurementView.class)))
    @APIResponse(responseCode = "404", description = "No such plan, or not one of yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "400", description = "Unknown KPI, wrong currency, outside the plan's horizon, a source that is not yours...",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response record(@NotNull @Valid MeasurementRequest request) {
        MeasurementView m = measurements.record(request);
        return "accepted".equals(m.outcome())
                ? Response.created(URI.create("/api/v1/measurements?planId=" + m.planId())).entity(m).build()
                : Response.ok(m).build();
    }

    @POST
    @Path("/bulk")
    @Consumes({ "application/x-ndjson", "text/csv" })
    @Produces("application/x-ndjson")
    @RolesAllowed({ Roles.VENDOR_MANAGER, Roles.PARTNER_OWNER, Roles.INTEGRATION })
    @Operation(summary = "Upload many measurements: NDJSON (one MeasurementRequest per line) or CSV with a header row",
            description = "CSV columns: planId,kpi,value,currency,occurredOn,periodStart,source,externalId (any order, blank "
                    + "for absent; source, as in a single write, is your token's and a row naming another is rejected); a CSV body without that header row is refused with 400 before anything is written. "
                    + "The body is read from the connection as it arrives and written in batches of 500, each batch in its "
                    + "own transaction; the answer (streamed once the body is read; half-duplex proxies such as nginx stop forwarding a body once "
                    + "the answer has begun) has one NDJSON line per input row read, each written once its batch committed: "
                    + "accepted, corrected, duplicate, or rejected with the fields and rules it broke (a rejected row never "
                    + "blocks the others). Limits are lines and time, not bytes (partnerplan.bulk.max-lines, default "
                    + "1,000,000; max-duration, default 30 min; lines up to 64 KiB): past one, a last line with outcome "
                    + "not-read names the line to send the rest from. Resuming: name the upload with Bulk-Upload-Id; after "
                    + "a lost connection send the rest of the file with the same id and Bulk-First-Line = the line after "
                    + "the last result received (CSV: repeat the header row; lines count from it as line 1). Rows the "
                    + "service had already committed are answered with their first results and not written again, so "
                    + "the outcome is that of one upload. Emits one kpi.measurements.imported per plan and batch.")
    @APIResponse(responseCode = "200", description = "One result per row",
            content = @Content(mediaType = "application/x-ndjson", schema = @Schema(implementation = BulkRowResult.class)))
    @APIResponse(responseCode = "400", description = "CSV without its header row, or a bad Bulk-Upload-Id / Bulk-First-Line",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response bulk(@jakarta.ws.rs.HeaderParam("Content-Type") String contentType,
                         @Parameter(description = "Names the upload so that it can be resumed (1-200 visible ASCII characters)")
                         @jakarta.ws.rs.HeaderParam(BulkUpload.ID_HEADER) String uploadId,
                         @Parameter(description = "The line of the file this body starts at (CSV: of its first row after the "
                                 + "header; default 1 for NDJSON, 2 for CSV); needs Bulk-Upload-Id")
                         @jakarta.ws.rs.HeaderParam(BulkUpload.FIRST_LINE_HEADER) String firstLine,
                         java.io.InputStream body) throws java.io.IOException {
        boolean csv = contentType != null && contentType.startsWith("text/csv");
        BulkUpload upload = BulkUpload.of(uploadId, firstLine, csv ? 2 : 1);
        MeasurementImport.Upload rows = csv ? imports.csv(body) : imports.ndjson(body);
        // The results go to a spool file while the body is read and stream from it once the body has been read
        // whole: nginx (like most HTTP/1.1 proxies) stops forwarding a request body once the answer has begun, so an
        // answer started mid-upload would stall the upload. Memory stays bounded; the file holds ~100 bytes a row.
        StreamingOutput answer = output -> {
            java.nio.file.Path spool = java.nio.file.Files.createTempFile("measurement-upload-", ".ndjson");
            try {
                try (java.io.OutputStream results = new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(spool))) {
                    rows.run(upload, batch -> {
                        try {
                            for (BulkRowResult result : batch) {
                                json.writeValue(new NoClose(results), result);
                                results.write('\n');
                            }
                            results.flush();
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
                } finally {
                    // Whatever stopped the upload, every line committed so far is answered.
                    java.nio.file.Files.copy(spool, output);
                    output.flush();
                }
            } finally {
                java.nio.file.Files.deleteIfExists(spool);
            }
        };
        return Response.ok(answer, "application/x-ndjson").build();
    }

    /** Jackson closes the stream it writes to; the answer's stream stays open for the next line. */
    private static final class NoClose extends java.io.FilterOutputStream {
        NoClose(java.io.OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() {
        }
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One measurement of a plan you are a party to")
    @APIResponse(responseCode = "200", description = "The measurement; its ETag is the version a correction names in If-Match",
            content = @Content(schema = @Schema(implementation = MeasurementView.class)))
    @APIResponse(responseCode = "404", description = "No such measurement, or not of a plan of yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        MeasurementView m = measurements.get(id);
        return Response.ok(m).tag(Versions.etag(m.version())).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.VENDOR_MANAGER, Roles.PARTNER_OWNER, Roles.CONTRIBUTOR, Roles.INTEGRATION })
    @Operation(summary = "Correct a measurement",
            description = "Only the measurement's own source corrects it: the integration client that wrote it, or people of the "
                    + "organisation that entered it by hand (MANUAL). A person never overwrites what an integration wrote, an "
                    + "integration never overwrites what people entered, and nobody another organisation's rows (409 naming the "
                    + "rule). The value replaced stays readable under .../revisions. Needs If-Match. Emits kpi.measurement.recorded.")
    @APIResponse(responseCode = "200", description = "Corrected, or duplicate when nothing changed",
            content = @Content(schema = @Schema(implementation = MeasurementView.class)))
    @APIResponse(responseCode = "409", description = "The measurement belongs to another source or organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names an older version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response correct(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @NotNull @Valid MeasurementCorrection correction) {
        MeasurementView m = measurements.correct(id, ifMatch, correction);
        return Response.ok(m).tag(Versions.etag(m.version())).build();
    }

    @GET
    @Path("/{id}/revisions")
    @Operation(summary = "Every value a measurement has had, with who wrote it, when and from which source",
            description = "The current value first (replacedAt null), then each value a correction replaced, newest first.")
    @APIResponse(responseCode = "200", description = "The measurement's values",
            content = @Content(schema = @Schema(implementation = MeasurementHistory.class)))
    @APIResponse(responseCode = "404", description = "No such measurement, or not of a plan of yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MeasurementHistory revisions(@PathParam("id") UUID id) {
        return measurements.revisions(id);
    }

    @GET
    @Operation(summary = "A plan's measurements, oldest first",
            description = "Filters combine: kpi (its key), source, externalId (the reporting system's id), "
                    + "from..to (the day it occurred, inclusive).")
    public Page<MeasurementView> list(@QueryParam("planId") @Parameter(required = true) UUID planId, @QueryParam("kpi") String kpi,
                                      @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor,
                                      @QueryParam("source") @Parameter(description = "The integration client that wrote it, or MANUAL for what people entered",
                                              example = "northwind-crm") String source,
                                      @QueryParam("externalId") @Parameter(description = "The reporting system's id of the measurement")
                                      String externalId,
                                      @QueryParam("from") @Parameter(description = "Occurred on or after", example = "2027-02-01") String from,
                                      @QueryParam("to") @Parameter(description = "Occurred on or before", example = "2027-04-30") String to) {
        if (planId == null) {
            throw ProblemException.badRequest("planId", "is required");
        }
        return measurements.list(planId, kpi, MeasurementFilter.of(source, externalId, from, to), PageRequest.of(limit, cursor));
    }
}
