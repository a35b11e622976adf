package org.her2feeds.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.her2feeds.opml.OpmlOutline;
import org.her2feeds.opml.OpmlReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/** The OpenAPI description lists every public endpoint; the OPML lists are served and list every feed. */
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

    @Test
    void feedsOpmlListsTheMergedAndEveryTopicFeedInEveryFormat() throws Exception {
        HttpResponse<byte[]> response = get("/feeds.opml");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/x-opml;charset=utf-8");
        assertThat(response.headers().firstValue("ETag")).isPresent();
        Path file = Files.createTempFile(WORK, "feeds", ".opml");
        Files.write(file, response.body());
        List<String> urls =
                OpmlReader.subscriptions(file).stream().map(OpmlOutline::xmlUrl).toList();
        // Links come from her2.publish.base-url (ApiTestSupport), never from the request's Host header.
        String base = "https://her2.example.org";
        assertThat(urls)
                .contains(
                        base + "/feed.xml",
                        base + "/feed.atom",
                        base + "/feed.json",
                        base + "/topics/adc/feed.xml",
                        base + "/topics/adc/feed.atom",
                        base + "/topics/adc/feed.json");
        assertThat(urls).hasSize(3 * (1 + tagger.topics().size())).doesNotHaveDuplicates();
        for (String feed : urls.subList(0, 6)) {
            assertThat(get(feed.substring(base.length())).statusCode()).as(feed).isEqualTo(200);
        }
    }

    @Test
    void sourcesOpmlListsTheConfiguredSources() throws Exception {
        HttpResponse<byte[]> response = get("/sources.opml");
        Path file = Files.createTempFile(WORK, "sources", ".opml");
        Files.write(file, response.body());
        assertThat(OpmlReader.subscriptions(file))
                .extracting(OpmlOutline::xmlUrl)
                .containsExactly(
                        "https://journal.example/rss", "https://preprints.example/rss", "https://wire.example/atom");
    }
}
