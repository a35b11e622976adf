package org.her2feeds.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.her2feeds.tagging.TaggingResult;
import org.junit.jupiter.api.Test;

class ArticleIdentityTest {

    @Test
    void normalisingAMegabyteOfBracketsIsLinear() {
        // A quadratic trim takes hours on this; a linear one, milliseconds. The bound only catches the former.
        String hostile = "10.1234/x" + ")".repeat(1 << 20) + "x";
        String trailing = "10.1234/x" + ")".repeat(1 << 20);
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), () -> {
            assertThat(ArticleIdentity.normaliseDoi(hostile)).startsWith("10.1234/x)");
            assertThat(ArticleIdentity.normaliseDoi(trailing)).isEqualTo("10.1234/x");
        });
    }

    @Test
    void keysComeStrongestFirstDoiThenPubmedThenLinkThenTheSourcesGuid() {
        List<IdentityKey> keys = ArticleIdentity.keys(article("pubmed", "pubmed:39000001",
                "https://pubmed.ncbi.nlm.nih.gov/39000001/", "10.1056/NEJMoa2203690", "39000001"));
        assertThat(keys).extracting(IdentityKey::kind).containsExactly("doi", "pmid", "link", "guid");
        assertThat(keys.get(0).value()).isEqualTo("10.1056/nejmoa2203690");
        assertThat(keys.get(3).value()).isEqualTo("pubmed pubmed:39000001");
    }

    @Test
    void theSameDoiWrittenDifferentlyIsOneArticle() {
        String plain = firstKey(article("a", null, null, "10.1056/NEJMoa2203690", null));
        assertThat(firstKey(article("b", null, null, "https://doi.org/10.1056/nejmoa2203690", null))).isEqualTo(plain);
        assertThat(firstKey(article("c", null, null, "doi:10.1056/NEJMOA2203690.", null))).isEqualTo(plain);
        assertThat(firstKey(article("d", null, null, "https://dx.doi.org/10.1056/NEJMoa2203690", null))).isEqualTo(plain);
    }

    @Test
    void linksAreComparedWithSchemeAndHostLowerCasedAndWithoutFragmentOrDefaultPort() {
        String link = firstKey(article("a", null, "https://journal.example/a/1?x=2", null, null));
        assertThat(firstKey(article("b", null, "HTTPS://Journal.Example:443/a/1?x=2#abstract", null, null))).isEqualTo(link);
        assertThat(firstKey(article("c", null, "https://journal.example/A/1?x=2", null, null))).isNotEqualTo(link);
    }

    @Test
    void aGuidOnlyIdentifiesWithinItsSourceAndATitleIsTheLastResort() {
        assertThat(firstKey(article("a", "item-1", null, null, null)))
                .isNotEqualTo(firstKey(article("b", "item-1", null, null, null)));
        assertThat(ArticleIdentity.keys(article("a", null, null, null, null))).singleElement()
                .extracting(IdentityKey::kind).isEqualTo("title");
    }

    @Test
    void invalidIdentifiersAreIgnoredRatherThanMergingUnrelatedArticles() {
        assertThat(ArticleIdentity.keys(article("a", "g", null, "not a doi", "PMC123"))).extracting(IdentityKey::kind)
                .containsExactly("guid");
    }

    @Test
    void aSitesHomePageIsNoIdentityButAPageOrAQueryIs() {
        assertThat(ArticleIdentity.keys(article("a", "g", "https://blog.example/", null, null))).extracting(IdentityKey::kind)
                .containsExactly("guid");
        assertThat(ArticleIdentity.keys(article("a", "g", "https://Blog.Example:443", null, null))).extracting(IdentityKey::kind)
                .containsExactly("guid");
        assertThat(ArticleIdentity.keys(article("a", "g", "https://blog.example/?p=42", null, null))).extracting(IdentityKey::kind)
                .containsExactly("link", "guid");
        assertThat(ArticleIdentity.keys(article("a", "g", "https://blog.example/news", null, null))).extracting(IdentityKey::kind)
                .containsExactly("link", "guid");
    }

    @Test
    void theArticleIdIsStableAndWebSafe() {
        IdentityKey key = new IdentityKey("doi", "10.1056/nejmoa2203690");
        assertThat(key.articleId()).matches("[0-9a-f]{32}").isEqualTo(new IdentityKey("doi", "10.1056/nejmoa2203690").articleId());
    }

    private static String firstKey(NewArticle article) {
        return ArticleIdentity.keys(article).get(0).hash();
    }

    private static NewArticle article(String source, String guid, String link, String doi, String pmid) {
        return new NewArticle(source, guid, link, "A title", "", "", List.of(), List.of(), null, doi, pmid,
                new TaggingResult(false, List.of(), List.of()));
    }
}
