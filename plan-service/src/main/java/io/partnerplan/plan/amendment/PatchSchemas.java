package io.partnerplan.plan.amendment;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The OpenAPI shapes of the patches an amendment carries; the patches themselves are read as plain JSON. */
final class PatchSchemas {

    private PatchSchemas() {
    }

    @Schema(name = "MergePatch", type = SchemaType.OBJECT, description = "A JSON Merge Patch (RFC 7396): each member replaces "
            + "the target's, null removes it, objects merge member by member, absent members stay as they are")
    static final class MergePatchDocument {
    }

    @Schema(name = "JsonPatchOperation", description = "One operation of a JSON Patch (RFC 6902)", requiredProperties = { "op", "path" })
    record JsonPatchOperation(
            @Schema(enumeration = { "add", "remove", "replace", "move", "copy", "test" }) String op,
            @Schema(description = "JSON Pointer into the part's document, e.g. /<objective id>/measures/0/target") String path,
            @Schema(description = "The value for add, replace and test") Object value,
            @Schema(description = "The source pointer for move and copy; null for the other operations (a proposed "
                    + "amendment spells out op, path, value and from)", nullable = true) String from) {
    }

    @Schema(name = "AmendmentPartPatch", description = "A JSON Merge Patch (an object) or a JSON Patch (an array of operations) "
            + "over the part's items keyed by id", oneOf = { MergePatchDocument.class, JsonPatchOperation[].class })
    static final class PartPatch {
    }
}
