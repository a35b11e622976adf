package org.her2feeds.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.her2feeds.testsupport.JsonSchemas;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The digest's published JSON Schema (/schemas/digest-v1.json) holds for the digests served and copied statically,
 * and catches a digest that breaks it; the JSON Feed outputs keep the JSON Feed 1.1 rules.
 */
class PublishedSchemasTest extends ApiTestSupport {

    @Test
    void theDigestSchemaIsPublishedAndEveryDigestServedOrCopiedConformsToIt() throws Exception {
        HttpResponse<byte[]> published = get("/schemas/digest-v1.json");
        assertThat(published.statusCode()).isEqualTo(200);
        assertThat(published.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        Schema schema = JsonSchemas.of(new String(published.body(), StandardCharsets.UTF_8));

        JsonNode day = json.readTree(get("/api/digests/2025-03-10").body());
        assertThat(day.get("articles").size()).isGreaterThan(0);
        assertThat(JsonSchemas.problems(schema, day)).isEmpty();
        JsonNode range = json.readTree(
                get("/api/digests?from=2025-03-07&to=2025-03-11&kind=journal").body());
        for (JsonNode digest : range.get("digests")) {
            assertThat(JsonSchemas.problems(schema, digest))
                    .as(digest.get("date").asString())
                    .isEmpty();
        }
        Path copy = WORK.resolve("public").resolve("digests").resolve("2025-03-10.json");
        org.awaitility.Awaitility.await().until(() -> Files.exists(copy));
        assertThat(JsonSchemas.problems(schema, json.readTree(Files.readAllBytes(copy))))
                .isEmpty();

        ObjectNode broken = (ObjectNode) day.deepCopy();
        ((ObjectNode) broken.get("articles").get(0)).put("publishedAt", "last Tuesday");
        broken.put("schemaVersion", 2);
        assertThat(JsonSchemas.problems(schema, broken)).hasSize(2);
        ObjectNode extended = (ObjectNode) day.deepCopy();
        extended.put("newOptionalField", "allowed within schemaVersion 1");
        assertThat(JsonSchemas.problems(schema, extended)).isEmpty();
    }

    @Test
    void everyJsonFeedKeepsTheJsonFeed11Rules() throws Exception {
        Schema schema =
                JsonSchemas.of(Files.readString(Path.of("src/test/resources/jsonfeed/jsonfeed-1.1.schema.json")));
        for (String path : new String[] {"/feed.json", "/topics/adc/feed.json", "/feed.json?kind=preprint&limit=1"}) {
            JsonNode feed = json.readTree(get(path).body());
            assertThat(feed.get("items").size()).as(path).isGreaterThan(0);
            assertThat(JsonSchemas.problems(schema, feed)).as(path).isEmpty();
        }
        ObjectNode broken = (ObjectNode) json.readTree(get("/feed.json").body());
        ((ObjectNode) broken.get("items").get(0)).remove("content_html");
        ((ObjectNode) broken.get("items").get(0)).remove("content_text");
        broken.put("version", "https://jsonfeed.org/version/1");
        assertThat(JsonSchemas.problems(schema, broken)).hasSizeGreaterThanOrEqualTo(2);
    }
}
