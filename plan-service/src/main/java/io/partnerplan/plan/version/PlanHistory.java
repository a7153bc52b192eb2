package io.partnerplan.plan.version;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flipkart.zjsonpatch.JsonDiff;

import io.partnerplan.plan.plan.PlanChanged;
import io.partnerplan.plan.plan.PlanContent;
import io.partnerplan.plan.plan.PlanService;
import io.partnerplan.platform.paging.Page;
import io.partnerplan.platform.paging.PageRequest;
import io.partnerplan.platform.persistence.Ids;
import io.partnerplan.platform.problem.ProblemException;

/** Every version of every plan, and what changed between two of them. */
@ApplicationScoped
public class PlanHistory {

    private final PlanVersionRepository versions;
    private final PlanService plans;
    private final ObjectMapper json;
    private final Instance<PlanContent> contents;

    public PlanHistory(PlanVersionRepository versions, PlanService plans, ObjectMapper json, Instance<PlanContent> contents) {
        this.contents = contents;
        this.versions = versions;
        this.plans = plans;
        this.json = json;
    }

    /** Runs in the transaction of the change, so a version exists exactly when the change committed. */
    void record(@Observes PlanChanged change) {
        ObjectNode snapshot = json.createObjectNode();
        ObjectNode header = json.valueToTree(change.plan());
        // Every version has its own number and time; they are the version's metadata, not content to diff.
        header.remove(List.of("version", "updatedAt"));
        snapshot.set("plan", header);
        snapshot.set("sections", json.valueToTree(change.sections()));
        // A plan just drafted has no content beside its row yet (its id is new): no query for it.
        boolean created = "plan.created".equals(change.change());
        contents.stream().sorted(java.util.Comparator.comparing(PlanContent::name))
                .forEach(c -> snapshot.set(c.name(), json.valueToTree(created ? List.of() : c.of(change.plan().id()))));
        PlanVersion version = new PlanVersion();
        version.id = Ids.next();
        version.planId = change.plan().id();
        version.planVersion = change.plan().version();
        version.change = change.change();
        version.changedBy = change.changedBy();
        version.changedAt = change.plan().updatedAt();
        version.snapshot = snapshot;
        versions.persist(version);
    }

    @Transactional
    public Page<VersionSummary> list(UUID plan, PageRequest page) {
        plans.requireVisible(plan);
        return Page.of(versions.page(plan, page), page, v -> v.id, VersionSummary::of);
    }

    @Transactional
    public JsonNode snapshot(UUID plan, long version) {
        plans.requireVisible(plan);
        return find(plan, version).snapshot;
    }

    /** The changes from one version to another as an RFC 6902 JSON Patch over the snapshots. */
    @Transactional
    public VersionDiff diff(UUID plan, long from, long to) {
        plans.requireVisible(plan);
        JsonNode changes = JsonDiff.asJson(find(plan, from).snapshot, find(plan, to).snapshot);
        List<JsonNode> operations = new ArrayList<>();
        changes.forEach(operations::add);
        return new VersionDiff(from, to, operations);
    }

    private PlanVersion find(UUID plan, long version) {
        return versions.of(plan, version).orElseThrow(() -> ProblemException.notFound("Version", version + " of plan " + plan));
    }
}
