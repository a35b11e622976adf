package org.her2feeds.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.her2feeds.testsupport.ApiContract;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * The check every API test applies to its JSON answers ({@link ApiTestSupport}) catches drift: a response the
 * served OpenAPI description does not allow fails, so a change of the JSON without the description breaks the build.
 */
class ApiContractTest extends ApiTestSupport {

    private static final String JSON = "application/json";

    @Test
    void aRealDigestConformsAndTheSameDigestDriftedInAnyWayDoesNot() {
        HttpResponse<byte[]> response = get("/api/digests/2025-03-10");
        assertThat(response.statusCode()).isEqualTo(200);
        ApiContract contract = ApiContract.servedAt(url(""));
        String path = "/api/digests/2025-03-10";
        assertThat(contract.problems("GET", path, 200, JSON, response.body())).isEmpty();

        ObjectNode withoutUrl = digest(response);
        ((ObjectNode) withoutUrl.get("articles").get(0)).remove("url");
        assertThat(contract.problems("GET", path, 200, JSON, bytes(withoutUrl))).contains("url");

        ObjectNode nullId = digest(response);
        ((ObjectNode) nullId.get("articles").get(0)).putNull("id");
        assertThat(contract.problems("GET", path, 200, JSON, bytes(nullId))).contains("null");

        ObjectNode unknownKind = digest(response);
        ((ObjectNode) unknownKind.get("articles").get(0).get("sources").get(0)).put("kind", "blog");
        assertThat(contract.problems("GET", path, 200, JSON, bytes(unknownKind)))
                .contains("blog");

        ObjectNode extra = digest(response);
        extra.put("surprise", true);
        assertThat(contract.problems("GET", path, 200, JSON, bytes(extra))).contains("surprise");

        assertThat(contract.problems("GET", path, 418, JSON, response.body())).contains("418");
    }

    @Test
    void problemsConformAndAProblemWithoutAStatusDoesNot() {
        HttpResponse<byte[]> response = get("/api/articles/no-such-article");
        assertThat(response.statusCode()).isEqualTo(404);
        String type = response.headers().firstValue("Content-Type").orElseThrow();
        assertThat(type).isEqualTo("application/problem+json");
        ApiContract contract = ApiContract.servedAt(url(""));
        assertThat(contract.problems("GET", "/api/articles/no-such-article", 404, type, response.body()))
                .isEmpty();
        byte[] statusless = "{\"title\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(contract.problems("GET", "/api/articles/no-such-article", 404, type, statusless))
                .contains("status");
    }

    private ObjectNode digest(HttpResponse<byte[]> response) {
        return (ObjectNode) json.readTree(response.body());
    }

    private byte[] bytes(ObjectNode node) {
        return json.writeValueAsBytes(node);
    }
}
