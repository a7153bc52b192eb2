package io.partnerplan.platform.web;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.partnerplan.platform.problem.Problem;
import io.partnerplan.platform.problem.ProblemException;

/**
 * A query parameter the resource method does not declare is refused with a 400 naming it, instead of
 * being ignored: a client that misspells a filter ({@code ?staus=ACTIVE}) or uses one that does not
 * exist must not believe it filtered. The accepted names come from the method's own
 * {@code @QueryParam}/{@code @RestQuery} parameters (and those of its {@code @BeanParam}s), so the
 * rule needs no list to maintain and matches what docs/openapi.yaml documents.
 */
public class StrictQueryParameters {

    private static final Map<Method, Set<String>> DECLARED = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void refuseUnknown(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Set<String> sent = request.getUriInfo().getQueryParameters().keySet();
        if (sent.isEmpty()) {
            return;
        }
        Set<String> declared = DECLARED.computeIfAbsent(method, StrictQueryParameters::declaredBy);
        Set<String> unknown = new TreeSet<>();
        for (String name : sent) {
            if (!declared.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            String allowed = declared.isEmpty() ? "none" : String.join(", ", new TreeSet<>(declared));
            List<Problem.FieldError> errors = unknown.stream()
                    .map(name -> new Problem.FieldError(name, "unknown query parameter (allowed: " + allowed + ")"))
                    .toList();
            throw new ProblemException(400, "validation", "Request is not valid",
                    errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")), errors);
        }
    }

    static Set<String> declaredBy(Method method) {
        Set<String> names = new TreeSet<>();
        for (Parameter parameter : method.getParameters()) {
            String name = queryName(parameter.getAnnotations(), parameter.getName());
            if (name != null) {
                names.add(name);
            }
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                for (Class<?> type = parameter.getType(); type != null && type != Object.class; type = type.getSuperclass()) {
                    for (Field field : type.getDeclaredFields()) {
                        String fieldName = queryName(field.getAnnotations(), field.getName());
                        if (fieldName != null) {
                            names.add(fieldName);
                        }
                    }
                }
            }
        }
        return Set.copyOf(names);
    }

    private static String queryName(Annotation[] annotations, String fallback) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof RestQuery rest) {
                return rest.value().isEmpty() ? fallback : rest.value();
            }
        }
        return null;
    }
}
