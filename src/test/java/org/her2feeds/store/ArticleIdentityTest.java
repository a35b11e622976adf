package org.her2feeds.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.her2feeds.tagging.TaggingResult;
import org.junit.jupiter.api.Test;

class ArticleIdentityTest {

    @Test
    void checkingTheShapeOfAMegabyteOfBracketsIsLinear() {
        // A quadratic check takes hours on this; a linear one, milliseconds. The bound only catches the former.
        String hostile = "10.1234/x" + ")".repeat(1 << 20) + "x";
        String spaced = "10.1234/x" + ")".repeat(1 << 20) + " x";
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), () -> {
            assertThat(ArticleIdentity.doi(hostile)).isSameAs(hostile);
            assertThat(ArticleIdentity.doi(spaced)).isNull();
        });
    }

    @Test
    void keysComeStrongestFirstDoiThenPubmedThenLinkThenTheSourcesGuid() {
        List<IdentityKey> keys = ArticleIdentity.keys(article(
                "pubmed",
                "pubmed:39000001",
                "https://pubmed.ncbi.nlm.nih.gov/39000001/",
                "10.1056/nejmoa2203690",
                "39000001"));
        assertThat(keys).extracting(IdentityKey::kind).containsExactly("doi", "pmid", "link", "guid");
        assertThat(keys.get(0).value()).isEqualTo("10.1056/nejmoa2203690");
        assertThat(keys.get(3).value()).isEqualTo("pubmed pubmed:39000001");
    }

    /**
     * The parser gives every DOI its one normal form (ArticleIdsTest: "doi:", doi.org URLs, case, punctuation); the
     * store does not repair a DOI, it only takes one in that form as a key.
     */
    @Test
    void onlyADoiInTheParsersNormalFormIsAKey() {
        assertThat(ArticleIdentity.doi("10.1056/nejmoa2203690")).isEqualTo("10.1056/nejmoa2203690");
        assertThat(ArticleIdentity.doi("10.1002/(sici)1097-0258(19980815)17:15"))
                .isNotNull();
        for (String notNormal : new String[] {
            "10.1056/NEJMoa2203690",
            "https://doi.org/10.1056/nejmoa2203690",
            "doi:10.1056/nejmoa2203690",
            " 10.1056/nejmoa2203690",
            "10.1056/nejmoa 2203690",
            "10.105/x",
            "10.1234567890/x",
            "10.1234/",
            "11.1234/x",
            ""
        }) {
            assertThat(ArticleIdentity.doi(notNormal)).as(notNormal).isNull();
        }
        assertThat(ArticleIdentity.keys(article("a", "g", null, "https://doi.org/10.1056/nejmoa2203690", null)))
                .extracting(IdentityKey::kind)
                .containsExactly("guid");
    }

    @Test
    void linksAreComparedWithSchemeAndHostLowerCasedAndWithoutFragmentOrDefaultPort() {
        String link = firstKey(article("a", null, "https://journal.example/a/1?x=2", null, null));
        assertThat(firstKey(article("b", null, "HTTPS://Journal.Example:443/a/1?x=2#abstract", null, null)))
                .isEqualTo(link);
        assertThat(firstKey(article("c", null, "https://journal.example/A/1?x=2", null, null)))
                .isNotEqualTo(link);
    }

    @Test
    void aGuidOnlyIdentifiesWithinItsSourceAndATitleIsTheLastResort() {
        assertThat(firstKey(article("a", "item-1", null, null, null)))
                .isNotEqualTo(firstKey(article("b", "item-1", null, null, null)));
        assertThat(ArticleIdentity.keys(article("a", null, null, null, null)))
                .singleElement()
                .extracting(IdentityKey::kind)
                .isEqualTo("title");
    }

    @Test
    void invalidIdentifiersAreIgnoredRatherThanMergingUnrelatedArticles() {
        assertThat(ArticleIdentity.keys(article("a", "g", null, "not a doi", "PMC123")))
                .extracting(IdentityKey::kind)
                .containsExactly("guid");
    }

    @Test
    void aSitesHomePageIsNoIdentityButAPageOrAQueryIs() {
        assertThat(ArticleIdentity.keys(article("a", "g", "https://blog.example/", null, null)))
                .extracting(IdentityKey::kind)
                .containsExactly("guid");
        assertThat(ArticleIdentity.keys(article("a", "g", "https://Blog.Example:443", null, null)))
                .extracting(IdentityKey::kind)
                .containsExactly("guid");
        assertThat(ArticleIdentity.keys(article("a", "g", "https://blog.example/?p=42", null, null)))
                .extracting(IdentityKey::kind)
                .containsExactly("link", "guid");
        assertThat(ArticleIdentity.keys(article("a", "g", "https://blog.example/news", null, null)))
                .extracting(IdentityKey::kind)
                .containsExactly("link", "guid");
    }

    @Test
    void theArticleIdIsStableAndWebSafe() {
        IdentityKey key = new IdentityKey("doi", "10.1056/nejmoa2203690");
        assertThat(key.articleId())
                .matches("[0-9a-f]{32}")
                .isEqualTo(new IdentityKey("doi", "10.1056/nejmoa2203690").articleId());
    }

    private static String firstKey(NewArticle article) {
        return ArticleIdentity.keys(article).get(0).hash();
    }

    private static NewArticle article(String source, String guid, String link, String doi, String pmid) {
        return new NewArticle(
                source,
                guid,
                link,
                "A title",
                "",
                "",
                List.of(),
                List.of(),
                null,
                doi,
                pmid,
                new TaggingResult(false, List.of(), List.of()),
                "",
                "",
                null);
    }
}
