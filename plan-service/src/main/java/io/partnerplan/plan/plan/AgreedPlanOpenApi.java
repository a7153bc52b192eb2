package io.partnerplan.plan.plan;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;

/**
 * Writes every plan write's classification from {@link AgreedContent} into the OpenAPI document as
 * {@code x-agreed-plan} ({@code agreed}, {@code execution} or {@code process}) with
 * {@code x-agreed-plan-reason} for the direct ones: what the e2e agreed-plan suite reads. Also lets
 * a one-of schema take its type from its alternatives ({@link #filterSchema}).
 */
public class AgreedPlanOpenApi implements OASFilter {

    static final String PLAN_PATH = "/api/v1/plans/{id}";

    /**
     * A schema that is one of several shapes (an amendment's part: a merge patch object or a JSON
     * Patch array) takes its type from them; the generator also writes {@code type: object}, which
     * would refuse the array.
     */
    @Override
    public org.eclipse.microprofile.openapi.models.media.Schema filterSchema(org.eclipse.microprofile.openapi.models.media.Schema schema) {
        if (schema.getOneOf() != null && !schema.getOneOf().isEmpty()) {
            schema.setType(null);
            // Absent is null: a part the amendment does not change (services write nulls, never leave a member out).
            if (schema.getOneOf().stream().noneMatch(s -> s.getType() != null
                    && s.getType().contains(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.NULL))) {
                schema.addOneOf(org.eclipse.microprofile.openapi.OASFactory.createSchema()
                        .addType(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.NULL));
            }
        }
        return schema;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().equals(PLAN_PATH) && !path.getKey().startsWith(PLAN_PATH + "/")) {
                continue;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().getOperations().entrySet()) {
                if (op.getKey() == PathItem.HttpMethod.GET || op.getKey() == PathItem.HttpMethod.HEAD
                        || op.getKey() == PathItem.HttpMethod.OPTIONS) {
                    continue;
                }
                String key = op.getKey().name() + " " + path.getKey();
                String kind = AgreedContent.classify(key);
                op.getValue().addExtension("x-agreed-plan", kind);
                String reason = AgreedContent.EXECUTION.getOrDefault(key, AgreedContent.PROCESS.get(key));
                if (reason != null) {
                    op.getValue().addExtension("x-agreed-plan-reason", reason);
                }
            }
        }
    }
}
