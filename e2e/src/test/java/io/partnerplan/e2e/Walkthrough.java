package io.partnerplan.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnerplan.platform.testing.Repository;
import io.restassured.authentication.PreemptiveOAuth2HeaderScheme;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * docs/walkthrough.md, written from the requests the journey makes and the answers it gets: a
 * person can paste the curl commands against a local stack and see the same answers. Ids, times
 * and the tenant differ from run to run, so the document names ids by shell variables
 * ({@code $PLAN}), shows other ids as {@code <id>} and times as {@code <time>}. The journey test
 * fails when the committed document differs from what it recorded; {@code -Dwalkthrough.update=true}
 * rewrites it.
 */
final class Walkthrough {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** The gateway makes a fresh request id for every call; the problems carry it as their traceId. */
    private static final Pattern TRACE_ID = Pattern.compile("(\"traceId\" ?: ?\")[^\"]+(\")");
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?(Z|[+-]\\d\\d:\\d\\d)");
    private static final int MAX_LINES = 40;

    private final List<Object> parts = new ArrayList<>();
    private final Map<String, String> names = new LinkedHashMap<>();
    private final String tenant;

    Walkthrough(String tenant) {
        this.tenant = tenant;
    }

    /** From now on the document calls {@code id} {@code $name}. */
    String name(String name, String id) {
        names.put(id, name);
        return id;
    }

    /**
     * An id found in an answer and kept for the requests further on: the document shows
     * {@code variable=$(curl … | jq -r 'filter')} (a GET through the gateway) and calls the id {@code $variable}.
     */
    String lookup(String variable, String caller, String path, String filter, String id) {
        parts.add(new Shell(variable + "=$(curl -s \"$GW" + path + "\" -H \"Authorization: Bearer $" + caller
                + "\" | jq -r '" + filter + "')"));
        return name(variable, id);
    }

    void text(String markdown) {
        parts.add(markdown.strip() + "\n");
    }

    /** The line that mints the dev token the document refers to as {@code $variable}. */
    void token(String variable, String org, String roles, String subject) {
        StringBuilder line = new StringBuilder(variable).append("=$(scripts/token --tenant $TENANT");
        if (org != null) {
            line.append(" --org ").append(org);
        }
        line.append(" --roles ").append(roles);
        if (subject != null) {
            line.append(" --sub ").append(subject);
        }
        parts.add(new Shell(line.append(")").toString()));
    }

    /** A request the document shows, made with the token {@code $caller}; the whole answer is shown. */
    Call call(String caller) {
        return call(caller, null, null, null);
    }

    /**
     * A request whose answer the document shows through {@code jq filter}, which {@code view} does
     * in Java; {@code assign} (or null) is the variable the answer's {@code .id} goes into.
     */
    Call call(String caller, String assign, String jq, Function<JsonNode, Object> view) {
        Call call = new Call(caller, assign, jq, view);
        parts.add(call);
        return call;
    }

    /** The document as recorded. */
    String render() {
        StringBuilder out = new StringBuilder();
        for (Object part : parts) {
            if (part instanceof Shell shell) {
                out.append("```bash\n").append(normalise(shell.line)).append("\n```\n\n");
            } else if (part instanceof Call call) {
                if (call.method != null) {
                    out.append(call.render()).append('\n');
                }
            } else {
                out.append(part).append('\n');
            }
        }
        return out.toString().strip() + "\n";
    }

    /** Writes docs/walkthrough.md with -Dwalkthrough.update=true, else checks it is what the journey saw. */
    void writeOrCompare() throws IOException {
        Path doc = Repository.root().resolve("docs/walkthrough.md");
        String rendered = render();
        if (Boolean.getBoolean("walkthrough.update")) {
            Files.writeString(doc, rendered);
        }
        assertEquals(rendered, Files.exists(doc) ? Files.readString(doc) : "",
                "docs/walkthrough.md differs from the journey: rerun JourneyIT with -Dwalkthrough.update=true and commit it");
    }

    private String normalise(String text) {
        String out = text;
        for (Map.Entry<String, String> id : names.entrySet()) {
            out = out.replace(id.getKey(), "$" + id.getValue());
        }
        out = UUID.matcher(out).replaceAll("<id>");
        out = INSTANT.matcher(out).replaceAll("<time>");
        out = TRACE_ID.matcher(out).replaceAll("$1<trace id>$2");
        return out.replace(tenant, "$TENANT");
    }

    private record Shell(String line) {
    }

    /** One request and its answer; when it is retried (polled), the last attempt is what the document shows. */
    final class Call implements Filter {

        private final String caller;
        private final String assign;
        private final String jq;
        private final Function<JsonNode, Object> view;
        private String method;
        private String path;
        private int port;
        private String contentType;
        private String ifMatch;
        private String body;
        private int status;
        private String answer;

        private Call(String caller, String assign, String jq, Function<JsonNode, Object> view) {
            this.caller = caller;
            this.assign = assign;
            this.jq = jq;
            this.view = view;
        }

        @Override
        public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                               FilterContext context) {
            URI uri = URI.create(request.getURI());
            ifMatch = request.getHeaders().getValue("If-Match");
            if (ifMatch != null) {
                // The document fetches the ETag it sends (never a number that only holds if every step is repeated
                // exactly): the same GET, made now, must answer the ETag this request sends.
                // given().auth().oauth2(token) adds its header after the filters have run.
                String authorization = request.getHeaders().getValue("Authorization");
                if (authorization == null && request.getAuthenticationScheme() instanceof PreemptiveOAuth2HeaderScheme oauth) {
                    authorization = "Bearer " + oauth.getAccessToken();
                }
                String current = etagOf(uri.resolve(etagPath(request.getMethod(), uri.getRawPath())), authorization);
                if (!ifMatch.equals(current)) {
                    throw new AssertionError("the walkthrough reads the ETag for " + uri.getRawPath() + " from GET "
                            + etagPath(request.getMethod(), uri.getRawPath()) + ", which answers " + current + ", but the request sends " + ifMatch);
                }
            }
            Response answered = context.next(request, response);
            method = request.getMethod();
            port = uri.getPort();
            path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            contentType = request.getContentType();
            Object sent = request.getBody();
            body = sent == null ? null : sent instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : sent.toString();
            status = answered.statusCode();
            answer = answered.asString();
            return answered;
        }

        private String render() {
            StringBuilder command = new StringBuilder();
            if (ifMatch != null) {
                command.append("ETAG=$(curl -s -o /dev/null -D - \"$GW").append(etagPath(method, path.replaceFirst("\\?.*", "")))
                        .append('"').append(caller == null ? "" : " -H \"Authorization: Bearer $" + caller + '"')
                        .append(" | tr -d '\\r' | awk 'tolower($1) == \"etag:\" {print $2}')\n");
            }
            String variable = assign == null ? null : assign.replaceFirst("=.*", "");
            String field = assign == null || !assign.contains("=") ? ".id" : assign.replaceFirst(".*=", "");
            if (variable != null) {
                command.append(variable).append("=$(");
            }
            command.append("curl -s");
            if (!"GET".equals(method)) {
                command.append(" -X ").append(method);
            }
            // The stack's other ports, as on a stack whose gateway listens on 8080 (GreenMail's API: 8085).
            String base = port == E2eStack.GATEWAY ? "$GW" : "http://localhost:" + (port - E2eStack.GATEWAY + 8080);
            command.append(" \"").append(base).append(path).append('"');
            if (caller != null) {
                command.append(" -H \"Authorization: Bearer $").append(caller).append('"');
            }
            if (ifMatch != null) {
                command.append(" -H \"If-Match: $ETAG\"");
            }
            if (body != null) {
                String type = contentType == null ? "application/json" : contentType.replaceAll(";.*", "");
                // The body as a here-document, so the shell fills in the ids kept in variables.
                command.append(" -H 'Content-Type: ").append(type).append("' --data-binary @- <<EOF");
            }
            if (variable != null) {
                command.append(" | jq -r ").append(field);
            } else if (jq != null) {
                command.append(" | jq '").append(jq).append('\'');
            }
            if (body != null) {
                command.append('\n').append(body.strip()).append("\nEOF");
            }
            if (variable != null) {
                command.append(body != null ? "\n)" : ")");
            }
            String shown;
            if (view != null && status < 300) {
                shown = pretty(JSON.valueToTree(view.apply(read(answer))));
            } else {
                shown = pretty(answer);
            }
            String[] lines = shown.split("\n", -1);
            if (lines.length > MAX_LINES) {
                shown = String.join("\n", List.of(lines).subList(0, MAX_LINES)) + "\n  …";
            }
            return "```bash\n" + normalise(command.toString()) + "\n```\n"
                    + "HTTP " + status + (shown.isBlank() ? "\n" : "\n```json\n" + normalise(shown) + "\n```\n");
        }
    }

    /**
     * The resource whose ETag a conditional request sends: the path itself for PUT, PATCH and DELETE; for POST
     * (an action on a resource: {@code /plans/{id}/propose}, {@code /mops/{id}/accept}) the resource it acts on.
     */
    static String etagPath(String method, String path) {
        return "POST".equals(method) ? path.substring(0, path.lastIndexOf('/')) : path;
    }

    private static String etagOf(URI uri, String authorization) {
        try {
            var request = java.net.http.HttpRequest.newBuilder(uri).GET();
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            var answer = HTTP.send(request.build(), java.net.http.HttpResponse.BodyHandlers.discarding());
            return answer.headers().firstValue("ETag").orElse("(no ETag, HTTP " + answer.statusCode() + ")");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pretty(Object node) {
        try {
            if (node instanceof String text) {
                if (text.isBlank()) {
                    return "";
                }
                if (text.strip().contains("\n{")) {
                    return text.strip(); // NDJSON: one line per row, as sent
                }
                try {
                    node = JSON.readTree(text);
                } catch (IOException notJson) {
                    return text;
                }
            }
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
