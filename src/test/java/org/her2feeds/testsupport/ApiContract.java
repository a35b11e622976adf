package org.her2feeds.testsupport;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The OpenAPI description a running service serves at {@code /v3/api-docs}, as a checker of that service's
 * responses: a response whose status, media type or body the description does not allow is a failed test. Extra,
 * undocumented properties count as drift too.
 */
public final class ApiContract {

    private static final Map<String, ApiContract> SERVED = new ConcurrentHashMap<>();

    private final OpenApiInteractionValidator validator;

    private ApiContract(String description) {
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(description)
                .withLevelResolver(LevelResolver.create()
                        // Requests are the tests' own business (some are wrong on purpose); responses are checked.
                        .withLevel("validation.request", ValidationReport.Level.IGNORE)
                        .withLevel("validation.response", ValidationReport.Level.ERROR)
                        .withLevel("validation.schema.additionalProperties", ValidationReport.Level.ERROR)
                        .build())
                .build();
    }

    /** The description served by the service at {@code baseUrl}, read once per service. */
    public static ApiContract servedAt(String baseUrl) {
        return SERVED.computeIfAbsent(baseUrl, url -> new ApiContract(read(url + "/v3/api-docs")));
    }

    /** A description given as text (for the tests of this checker). */
    public static ApiContract of(String description) {
        return new ApiContract(description);
    }

    /** Whether the description covers responses of this path (the API and the JSON Feed, not actuator or docs). */
    public static boolean describes(String path) {
        return path.startsWith("/api/") || path.startsWith("/admin/") || path.endsWith("/feed.json");
    }

    /** The problems the description finds with one response; empty when it conforms. */
    public String problems(String method, String pathAndQuery, int status, String contentType, byte[] body) {
        String path = pathAndQuery.split("\\?", 2)[0];
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        if (contentType != null) {
            response.withContentType(contentType);
        }
        if (body != null && body.length > 0) {
            response.withBody(new String(body, StandardCharsets.UTF_8));
        }
        ValidationReport report = validator.validateResponse(path, Request.Method.valueOf(method), response.build());
        return report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .map(message -> message.getKey() + ": " + message.getMessage())
                .collect(Collectors.joining("\n"));
    }

    /** Fails when the response does not conform to the description. */
    public void assertConforms(String method, String pathAndQuery, int status, String contentType, byte[] body) {
        String problems = problems(method, pathAndQuery, status, contentType, body);
        if (!problems.isEmpty()) {
            throw new AssertionError(method + " " + pathAndQuery + " answered " + status + " (" + contentType
                    + "), which the served OpenAPI description does not allow:\n" + problems);
        }
    }

    private static String read(String url) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError(url + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
