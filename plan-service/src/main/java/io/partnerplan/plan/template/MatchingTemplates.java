package io.partnerplan.plan.template;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.partnerplan.plan.plan.PlanRequest;
import io.partnerplan.plan.plan.PlanView;
import io.partnerplan.plan.plan.TemplateStart;
import io.partnerplan.platform.problem.ProblemException;

/** A new plan starts from the template named, else from the one marked for the partner's tier and type. */
@ApplicationScoped
public class MatchingTemplates implements TemplateStart {

    private final Templates templates;

    public MatchingTemplates(Templates templates) {
        this.templates = templates;
    }

    @Override
    @Transactional
    public Optional<PlanView> draftFromTemplate(PlanRequest request) {
        if (request.templateId() != null) {
            UUID named = request.templateId();
            try {
                return Optional.of(templates.instantiate(named, request));
            } catch (ProblemException e) {
                if (e.status() == 404 && e.getMessage().startsWith("Template")) {
                    throw ProblemException.badRequest("templateId", "is not a template of your organisation");
                }
                throw e;
            }
        }
        if (Boolean.FALSE.equals(request.useMatchingTemplate())) {
            return Optional.empty();
        }
        return templates.markedFor(request.partnerOrganisationId()).map(id -> templates.instantiate(id, request));
    }
}
