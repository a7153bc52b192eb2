package io.partnerplan.platform.bulk;

import io.partnerplan.platform.problem.ProblemException;

/**
 * What the client says about a bulk upload's body: the upload it belongs to ({@code Bulk-Upload-Id},
 * optional; with it the upload is resumable) and the line of the file its first row is
 * ({@code Bulk-First-Line}; a client that lost the connection sends the rest of the file from the
 * line after the last result it received, with the same id).
 */
public record BulkUpload(String id, long firstLine) {

    public static final String ID_HEADER = "Bulk-Upload-Id";
    public static final String FIRST_LINE_HEADER = "Bulk-First-Line";

    /** From the request's headers; {@code defaultFirstLine} is where the body's rows start without a header. */
    public static BulkUpload of(String id, String firstLine, long defaultFirstLine) {
        if (id != null && (id.isBlank() || id.length() > 200 || !id.chars().allMatch(c -> c > 0x20 && c < 0x7f))) {
            throw ProblemException.badRequest(ID_HEADER, "must be 1 to 200 visible ASCII characters");
        }
        long first = defaultFirstLine;
        if (firstLine != null) {
            try {
                first = Long.parseLong(firstLine.trim());
            } catch (NumberFormatException e) {
                throw ProblemException.badRequest(FIRST_LINE_HEADER, "must be a line number");
            }
            if (first < defaultFirstLine) {
                throw ProblemException.badRequest(FIRST_LINE_HEADER, "must be at least " + defaultFirstLine);
            }
            if (id == null) {
                throw ProblemException.badRequest(FIRST_LINE_HEADER, "needs " + ID_HEADER + ": only a named upload can be resumed");
            }
        }
        return new BulkUpload(id, first);
    }

    public boolean resumable() {
        return id != null;
    }
}
