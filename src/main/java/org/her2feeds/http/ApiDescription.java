package org.her2feeds.http;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the OpenAPI description says beyond the controllers' annotations, in one place: the product, its version
 * and public URL; the RFC 9457 problem every 4xx answer carries; who may call what; and that every property of a
 * response is always present (Jackson writes nulls), so only the fields marked nullable may be null.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

    static final String PROBLEM = "Problem";
    static final String PROBLEM_MEDIA_TYPE = "application/problem+json";
    private static final String BASIC = "basic";
    private static final String BEARER = "bearer";

    @Bean
    OpenAPI her2OpenApi(
            ObjectProvider<BuildProperties> build,
            @Value("${her2.publish.base-url:http://localhost:8080}") String publicUrl) {
        BuildProperties properties = build.getIfAvailable();
        // A build without build-info (an IDE run) still serves a description; it says where the version is missing.
        String version = properties == null ? "unknown (no build-info)" : properties.getVersion();
        String description = properties == null ? null : properties.get("description");
        return new OpenAPI()
                .info(new Info()
                        .title("HER2 Feeds API")
                        .version(version)
                        .description((description == null ? "" : description + "\n\n")
                                + "Feeds for RSS readers, JSON digests by day and an article API for the portal. "
                                + "Every 4xx answer is an RFC 9457 problem (application/problem+json) whose "
                                + "detail says what to fix. The digest's JSON Schema is at /schemas/digest-v1.json."))
                .servers(List.of(new Server().url(publicUrl).description("The public URL (her2.publish.base-url)")))
                .components(new Components()
                        .addSecuritySchemes(
                                BASIC,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")
                                        .description("HER2_ADMIN_USER and HER2_ADMIN_PASSWORD"))
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("HER2_ADMIN_TOKEN")));
    }

    /** RFC 9457 as Spring's ProblemDetail writes it. */
    private static Schema<?> problem() {
        return new ObjectSchema()
                .description("An RFC 9457 problem: what went wrong and, in detail, what to fix")
                .addProperty("type", new StringSchema().format("uri").description("absent means about:blank"))
                .addProperty("title", new StringSchema().description("the HTTP status's phrase or a short summary"))
                .addProperty("status", new IntegerSchema().description("the HTTP status code"))
                .addProperty("detail", new StringSchema().description("what to fix"))
                .addProperty(
                        "instance", new StringSchema().format("uri-reference").description("the path asked for"))
                .required(List.of("title", "status"));
    }

    @Bean
    OpenApiCustomizer her2Contract() {
        return openApi -> {
            openApi.getPaths()
                    .forEach((path, item) -> item.readOperations().forEach(operation -> {
                        if (path.startsWith("/admin/")) {
                            secured(operation);
                        } else {
                            // Public: no credentials needed (an empty list says so, unlike an absent one).
                            operation.setSecurity(new ArrayList<>());
                        }
                        problems(operation.getResponses());
                    }));
            // Added here: springdoc replaces the schemas of the OpenAPI bean with the ones it derives.
            openApi.getComponents().addSchemas(PROBLEM, problem());
            Map<String, Schema> schemas = openApi.getComponents().getSchemas();
            schemas.forEach((name, schema) -> {
                if (!name.equals(PROBLEM) && schema.getProperties() != null) {
                    schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
                }
            });
        };
    }

    private static void secured(Operation operation) {
        operation.setSecurity(
                List.of(new SecurityRequirement().addList(BASIC), new SecurityRequirement().addList(BEARER)));
        ApiResponses responses = operation.getResponses();
        responses.putIfAbsent("401", new ApiResponse().description("No or wrong credentials"));
        responses.putIfAbsent(
                "403", new ApiResponse().description("No admin credentials are configured: the admin API is off"));
    }

    /** Every 4xx is a problem document, whatever the annotation said about its body. */
    private static void problems(ApiResponses responses) {
        responses.forEach((code, response) -> {
            if (code.startsWith("4")) {
                response.setContent(new Content()
                        .addMediaType(
                                PROBLEM_MEDIA_TYPE,
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
            }
        });
    }
}
