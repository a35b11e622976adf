package org.her2feeds.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.her2feeds.publish.ApiTestSupport;
import org.her2feeds.store.NewArticle;
import org.her2feeds.tagging.TaggableText;
import org.her2feeds.tagging.Tagger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A clinician narrows the feeds and the API to one kind of evidence, one trial or one drug, by whatever name she
 * knows it; each article says its type, trials (with registry links) and drugs (by INN).
 */
class EvidenceFiltersTest extends ApiTestSupport {

    @Autowired
    Tagger tagger;

    @BeforeEach
    void storeTaggedArticles() {
        store.saveFeed(
                "wire",
                List.of(
                        tagged(
                                "evfilter-1",
                                "Evfilter: DESTINY-Breast09 shows longer survival with Enhertu plus pertuzumab",
                                "In the randomized phase 3 trial, 1,157 patients were randomly assigned.",
                                "journal"),
                        tagged(
                                "evfilter-2",
                                "Evfilter: HER2-low disease, a systematic review",
                                "We reviewed 40 studies of trastuzumab deruxtecan in HER2-low breast cancer.",
                                "journal"),
                        tagged(
                                "evfilter-4",
                                "Retraction notice to: Evfilter: HER2-low disease, a systematic review",
                                "This article has been retracted at the request of the authors.",
                                "journal"),
                        tagged(
                                "evfilter-3",
                                "Evfilter: tucatinib (Tukysa) in HER2-positive colorectal cancer",
                                "Case report of a patient with HER2-positive colorectal cancer on tucatinib.",
                                "news")));
    }

    private NewArticle tagged(String guid, String title, String summary, String kind) {
        return new NewArticle(
                "wire",
                guid,
                "https://wire.example/evidence/" + guid,
                title,
                "<p>" + summary + "</p>",
                summary,
                List.of(),
                List.of(),
                Instant.parse("2024-06-0" + guid.charAt(guid.length() - 1) + "T10:00:00Z"),
                null,
                null,
                tagger.tag(new TaggableText(title, summary, "", List.of(), kind)),
                summary,
                "",
                null);
    }

    @Test
    void eachArticleSaysItsTypeTrialsAndDrugs() {
        JsonNode article =
                titles("/api/articles?q=evfilter&trial=DESTINY-Breast09").get(0);
        assertThat(article.at("/type/slug").asString()).isEqualTo("trial-result");
        assertThat(article.at("/entities/trials/0/acronym").asString()).isEqualTo("DESTINY-Breast09");
        assertThat(article.at("/entities/trials/0/url").asString())
                .isEqualTo("https://clinicaltrials.gov/study/NCT04784715");
        List<String> drugs = new ArrayList<>();
        article.at("/entities/drugs").forEach(drug -> drugs.add(drug.get("inn").asString()));
        assertThat(drugs).containsExactly("pertuzumab", "trastuzumab deruxtecan");
    }

    @Test
    void filtersAcceptAnyNameOfADrugOrTrialAndCombine() {
        assertThat(names("/api/articles?q=evfilter&drug=Enhertu")).containsExactly("evfilter-2", "evfilter-1");
        assertThat(names("/api/articles?q=evfilter&drug=T-DXd&type=review")).containsExactly("evfilter-2");
        assertThat(names("/api/articles?q=evfilter&trial=NCT04784715")).containsExactly("evfilter-1");
        assertThat(names("/api/articles?q=evfilter&type=news,review")).containsExactly("evfilter-3", "evfilter-2");
        assertThat(names("/api/articles?q=evfilter&drug=tucatinib&drug=pertuzumab"))
                .containsExactly("evfilter-3", "evfilter-1");

        String feed = new String(get("/feed.xml?drug=tukysa&limit=50").body(), StandardCharsets.UTF_8);
        assertThat(feed).contains("Evfilter: tucatinib").doesNotContain("Evfilter: DESTINY");
        // Links come from her2.publish.base-url (ApiTestSupport).
        assertThat(feed).contains("<category domain=\"https://her2.example.org/api/types\">news</category>");
    }

    @Test
    void anUnknownTypeTrialOrDrugIsABadRequestThatSaysWhatIsAccepted() {
        HttpResponse<byte[]> type = get("/api/articles?type=blog");
        assertThat(type.statusCode()).isEqualTo(400);
        assertThat(new String(type.body(), StandardCharsets.UTF_8))
                .contains("Unknown type 'blog'. Valid types: notice, ");
        HttpResponse<byte[]> drug = get("/feed.atom?drug=aspirin");
        assertThat(drug.statusCode()).isEqualTo(400);
        assertThat(new String(drug.body(), StandardCharsets.UTF_8)).contains("Unknown drug 'aspirin'");
        assertThat(get("/api/digests/2024-06-01?trial=NOT-A-TRIAL").statusCode())
                .isEqualTo(400);
    }

    @Test
    void theTypesAreListedInDecidingOrder() {
        JsonNode types = json.readTree(get("/api/types").body());
        assertThat(types.get(0).get("slug").asString()).isEqualTo("notice");
        assertThat(types.size()).isGreaterThanOrEqualTo(12);
        types.forEach(type -> assertThat(type.get("description").asString()).isNotBlank());
    }

    @Test
    void aRetractedArticleSaysSoInTheApiAndInTheFeedsTitle() {
        JsonNode review = titles("/api/articles?q=evfilter&type=review").get(0);
        assertThat(review.at("/status/kind").asString()).isEqualTo("retracted");
        assertThat(review.at("/status/noticeUrl").asString()).isEqualTo("https://wire.example/evidence/evfilter-4");
        assertThat(titles("/api/articles?q=evfilter&type=notice")
                        .get(0)
                        .get("status")
                        .isNull())
                .as("the notice itself stands")
                .isTrue();
        String feed = new String(get("/feed.atom?type=review&limit=50").body(), StandardCharsets.UTF_8);
        assertThat(feed).contains("[Retracted] Evfilter: HER2-low disease, a systematic review");
    }

    private List<JsonNode> titles(String path) {
        HttpResponse<byte[]> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        List<JsonNode> articles = new ArrayList<>();
        json.readTree(response.body()).get("articles").forEach(articles::add);
        return articles;
    }

    private List<String> names(String path) {
        return titles(path).stream()
                .map(a -> a.get("sources").get(0).get("link").asString())
                .map(link -> link.substring(link.lastIndexOf('/') + 1))
                .toList();
    }
}
