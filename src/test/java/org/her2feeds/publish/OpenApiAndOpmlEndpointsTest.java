package org.her2feeds.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.info.BuildProperties;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/** The OpenAPI description lists every public endpoint. */
class OpenApiAndOpmlEndpointsTest extends ApiTestSupport {

    @Autowired
    BuildProperties build;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void theOpenApiDescriptionListsEveryEndpointOfTheFeedsAndTheJsonApi() {
        HttpResponse<byte[]> response = get("/v3/api-docs");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode paths = json.readTree(response.body()).get("paths");
        List<String> served = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            String type = mappings.getHandlerMethods().get(info).getBeanType().getPackageName();
            if (type.equals("org.her2feeds.publish")
                    || type.equals("org.her2feeds.digest")
                    || type.equals("org.her2feeds.opml")) {
                served.addAll(info.getPatternValues());
            }
        }
        assertThat(served)
                .contains(
                        "/feed.xml",
                        "/topics/{slug}/feed.json",
                        "/api/digests/{date}",
                        "/api/articles",
                        "/api/topics",
                        "/feeds.opml",
                        "/sources.opml");
        for (String path : served) {
            assertThat(paths.has(path)).as("OpenAPI lists " + path).isTrue();
            assertThat(paths.get(path).get("get").get("summary").asString())
                    .as(path)
                    .isNotBlank();
        }
        assertThat(paths.get("/api/articles").get("get").get("parameters").toString())
                .contains("\"example\":\"deruxtecan\"");
        assertThat(get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
    }

    /**
     * What a portal developer generating a client relies on: the product and its build version, the public URL,
     * a summary, a description and RFC 9457 problems on every operation, credentials on the admin ones, and
     * truthful required, nullable and enum. Also saved as target/openapi.json, which .ci/run lints.
     */
    @Test
    void theDescriptionNamesTheProductAndDescribesEveryOperationItsProblemsAndItsCredentials() throws Exception {
        byte[] served = get("/v3/api-docs").body();
        Files.write(Path.of("target", "openapi.json"), served);
        JsonNode api = json.readTree(served);
        assertThat(api.get("openapi").asString()).startsWith("3.0");
        assertThat(api.at("/info/title").asString()).isEqualTo("HER2 Feeds API");
        assertThat(api.at("/info/version").asString()).isEqualTo(build.getVersion());
        assertThat(api.at("/info/description").asString()).startsWith("Gathers, cleans, filters and tags HER2");
        assertThat(api.at("/servers/0/url").asString()).isEqualTo("https://her2.example.org");
        int operations = 0;
        for (var path : api.get("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                String name = operation.getKey() + " " + path.getKey();
                JsonNode op = operation.getValue();
                operations++;
                assertThat(op.path("summary").asString()).as(name).isNotBlank();
                assertThat(op.path("description").asString()).as(name).isNotBlank();
                for (var response : op.get("responses").properties()) {
                    if (response.getKey().startsWith("4")) {
                        assertThat(response.getValue()
                                        .at("/content/application~1problem+json/schema/$ref")
                                        .asString())
                                .as(name + " " + response.getKey())
                                .isEqualTo("#/components/schemas/Problem");
                    }
                }
                if (path.getKey().startsWith("/admin/")) {
                    assertThat(op.get("security").toString()).as(name).isEqualTo("[{\"basic\":[]},{\"bearer\":[]}]");
                    assertThat(op.get("responses").has("401")).as(name).isTrue();
                } else {
                    assertThat(op.get("security").toString()).as(name).isEqualTo("[]");
                }
            }
        }
        assertThat(operations).isGreaterThanOrEqualTo(16);
        JsonNode article = api.at("/components/schemas/DigestArticle");
        assertThat(article.get("required").toString()).contains("\"id\"", "\"title\"", "\"url\"", "\"topics\"");
        assertThat(article.at("/properties/url/nullable").asBoolean()).isTrue();
        assertThat(article.at("/properties/id/nullable").isMissingNode()).isTrue();
        assertThat(api.at("/components/schemas/SourceRef/properties/kind/enum").toString())
                .isEqualTo("[\"journal\",\"preprint\",\"registry\",\"regulator\",\"news\",\"patient\"]");
        assertThat(api.at("/paths/~1api~1digests/get/responses").has("200 (range)"))
                .isFalse();
        assertThat(api.at("/paths/~1api~1digests/get/responses/200/content/application~1json/schema/oneOf")
                        .size())
                .isEqualTo(2);
    }
}
