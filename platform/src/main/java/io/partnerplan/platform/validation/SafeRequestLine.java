package io.partnerplan.platform.validation;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.partnerplan.platform.problem.ProblemException;

/** Refuses a control character in the (decoded) path or in any query parameter with 400 naming it. */
public class SafeRequestLine {

    @ServerRequestFilter(preMatching = true)
    public void check(ContainerRequestContext request) {
        if (ControlCharacters.in(request.getUriInfo().getPath())) {
            throw ProblemException.badRequest("path", ControlCharacters.RULE);
        }
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            if (ControlCharacters.in(parameter.getKey())) {
                throw ProblemException.badRequest("query", ControlCharacters.RULE);
            }
            for (String value : parameter.getValue()) {
                if (ControlCharacters.in(value)) {
                    throw ProblemException.badRequest(parameter.getKey(), ControlCharacters.RULE);
                }
            }
        }
    }
}
