package org.her2feeds.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.her2feeds.publish.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A range of digests carries at most her2.digest.range.max-articles articles (here 2), in whole days, and says
 * where the next page starts; following the pages gives every day's digest exactly once.
 */
class DigestRangeCapTest extends ApiTestSupport {

    static final int CAP = 2;

    @DynamicPropertySource
    static void cap(DynamicPropertyRegistry registry) {
        registry.add("her2.digest.range.max-articles", () -> String.valueOf(CAP));
    }

    @Test
    void aLongRangeComesInPagesOfWholeDaysWithinTheCap() {
        String from = "2025-03-01";
        String to = "2025-03-31";
        List<String> pagedTitles = new ArrayList<>();
        List<String> days = new ArrayList<>();
        int pages = 0;
        while (to != null) {
            JsonNode page = ok("/api/digests?from=" + from + "&to=" + to);
            pages++;
            int articles = 0;
            for (JsonNode digest : page.get("digests")) {
                days.add(digest.get("date").asString());
                articles += digest.get("articles").size();
                assertThat(digest.get("articles").size())
                        .as("whole days")
                        .isEqualTo(digest.get("count").asInt());
                titles(digest).forEach(pagedTitles::add);
            }
            assertThat(articles).as("articles in one response").isLessThanOrEqualTo(CAP);
            if (page.get("complete").asBoolean()) {
                assertThat(page.get("nextTo").isNull()).isTrue();
                to = null;
            } else {
                to = page.get("nextTo").asString();
                assertThat(page.get("from").asString()).isGreaterThan(to);
            }
        }
        assertThat(pages).as("the fixture holds more than one page").isGreaterThan(1);
        assertThat(days).doesNotHaveDuplicates().hasSize(31);

        List<String> dayByDay = new ArrayList<>();
        for (String day : days) {
            titles(ok("/api/digests/" + day)).forEach(dayByDay::add);
        }
        assertThat(pagedTitles).containsExactlyElementsOf(dayByDay);
    }

    private JsonNode ok(String path) {
        java.net.http.HttpResponse<byte[]> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static List<String> titles(JsonNode withArticles) {
        List<String> titles = new ArrayList<>();
        withArticles
                .get("articles")
                .forEach(article -> titles.add(article.get("title").asString()));
        return titles;
    }
}
