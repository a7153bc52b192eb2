package io.partnerplan.plan.section;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.partnerplan.platform.problem.Problem;
import io.partnerplan.platform.problem.ProblemException;

/**
 * Who may write which section: each side owns its own statements and SWOT (and the partner its
 * competencies and differentiators); the rest is joint and written by both. The other side's owned
 * content is read-only to you, in drafts too. Pure rules over the sections as JSON.
 */
public final class SectionOwnership {

    /** A section's owner; {@link #JOINT} sections are written by both sides. */
    public enum Owner {
        VENDOR, PARTNER, JOINT
    }

    private static final Map<String, Owner> OWNED = Map.of(
            "vendorStatements", Owner.VENDOR,
            "vendorSwot", Owner.VENDOR,
            "partnerStatements", Owner.PARTNER,
            "partnerSwot", Owner.PARTNER,
            "partnerCompetencies", Owner.PARTNER,
            "partnerDifferentiators", Owner.PARTNER);

    private SectionOwnership() {
    }

    public static Owner ownerOf(String section) {
        return OWNED.getOrDefault(section, Owner.JOINT);
    }

    /** The top-level sections whose content differs between two versions of the sections. */
    public static Set<String> changed(JsonNode before, JsonNode after) {
        Set<String> names = new LinkedHashSet<>();
        before.fieldNames().forEachRemaining(names::add);
        after.fieldNames().forEachRemaining(names::add);
        names.removeIf(name -> !hasContent(before.get(name)) && !hasContent(after.get(name))
                || java.util.Objects.equals(before.get(name), after.get(name)));
        return names;
    }

    /** @throws ProblemException 403 naming each changed section the other side owns */
    public static void requireMayWrite(Owner side, Set<String> changed) {
        List<Problem.FieldError> refused = new ArrayList<>();
        for (String section : changed) {
            Owner owner = ownerOf(section);
            if (owner != Owner.JOINT && owner != side) {
                refused.add(new Problem.FieldError(section, "is owned by the " + owner.name().toLowerCase()
                        + " and read-only to the " + side.name().toLowerCase()));
            }
        }
        if (!refused.isEmpty()) {
            throw new ProblemException(403, "forbidden", "Forbidden", "The " + side.name().toLowerCase()
                    + " may not write the other side's own sections: "
                    + String.join(", ", refused.stream().map(Problem.FieldError::field).toList()), refused);
        }
    }

    /**
     * For a full replacement (PUT): every part of {@code before} with content must be in {@code after}
     * too, so nothing the caller did not send is dropped.
     *
     * @throws ProblemException 400 naming each part that would be dropped
     */
    public static void requireNothingDropped(JsonNode before, JsonNode after) {
        List<Problem.FieldError> dropped = new ArrayList<>();
        dropped(before, after, "", dropped);
        if (!dropped.isEmpty()) {
            throw new ProblemException(400, "validation", "Request is not valid", dropped.size() + " part(s) of the sections "
                    + "would be dropped because they were not sent; send them to keep them, or edit with PATCH ("
                    + MergePatch.MEDIA_TYPE + "), where absent parts stay and null removes one", dropped);
        }
    }

    private static void dropped(JsonNode before, JsonNode after, String path, List<Problem.FieldError> into) {
        before.fields().forEachRemaining(member -> {
            String at = path.isEmpty() ? member.getKey() : path + "." + member.getKey();
            JsonNode sent = after == null ? null : after.get(member.getKey());
            if (!hasContent(member.getValue())) {
                return;
            }
            if (sent == null || sent.isNull()) {
                into.add(new Problem.FieldError(at, "has content in the plan and was not sent"));
            } else if (member.getValue().isObject() && sent.isObject()) {
                dropped(member.getValue(), sent, at, into);
            }
        });
    }

    private static boolean hasContent(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return false;
        }
        if (node.isContainerNode()) {
            if (node.isArray()) {
                return !node.isEmpty();
            }
            for (JsonNode child : node) {
                if (hasContent(child)) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }
}
