package org.her2feeds.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/** The OpenAPI description lists every public endpoint. */
class OpenApiAndOpmlEndpointsTest extends ApiTestSupport {

    @Autowired
    org.her2feeds.tagging.Tagger tagger;

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
}
