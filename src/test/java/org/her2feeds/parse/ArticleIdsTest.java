package org.her2feeds.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArticleIdsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "doi:10.1056/NEJMoa2203690              | 10.1056/nejmoa2203690",
                "DOI: 10.1200/JCO.2023.41.16_suppl.1000. | 10.1200/jco.2023.41.16_suppl.1000",
                "info:doi/10.1016/S0140-6736(23)01234-5 | 10.1016/s0140-6736(23)01234-5",
                "10.1186/s13058-024-01790-4             | 10.1186/s13058-024-01790-4",
                "(doi:10.1038/s41586-024-07000-1)       | 10.1038/s41586-024-07000-1",
            })
    void findsDoisInIdentifierFields(String identifier, String doi) {
        assertThat(ArticleIds.find(List.of(identifier), List.of()).doi()).isEqualTo(doi);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "https://doi.org/10.1056/NEJMoa2203690                     | 10.1056/nejmoa2203690",
                "http://dx.doi.org/10.1002%2Fcncr.35000                    | 10.1002/cncr.35000",
                "https://www.nejm.org/doi/full/10.1056/NEJMoa2115022?af=R  | 10.1056/nejmoa2115022",
                "https://onlinelibrary.wiley.com/doi/abs/10.1002/ijc.34567 | 10.1002/ijc.34567",
                "https://ascopubs.org/doi/10.1200/JCO.23.00001/            | 10.1200/jco.23.00001",
            })
    void findsDoisInLinks(String link, String doi) {
        assertThat(ArticleIds.find(List.of(), List.of(link)).doi()).isEqualTo(doi);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "pmid:38123456                                                 | 38123456",
                "pubmed:38123456                                               | 38123456",
                "info:pmid/38123456                                            | 38123456",
                "https://pubmed.ncbi.nlm.nih.gov/38123456/?utm_source=rss      | 38123456",
                "https://www.ncbi.nlm.nih.gov/pubmed/38123456                  | 38123456",
            })
    void findsPubmedIds(String value, String pmid) {
        assertThat(ArticleIds.find(List.of(), List.of(value)).pmid()).isEqualTo(pmid);
    }

    @Test
    void identifierFieldsWinOverLinksAndNothingIsInventedFromOrdinaryUrls() {
        ArticleIds.Found found = ArticleIds.find(
                List.of("pmid:111", "doi:10.1000/first"),
                List.of("https://doi.org/10.1000/second", "https://pubmed.ncbi.nlm.nih.gov/222/"));
        assertThat(found).isEqualTo(new ArticleIds.Found("10.1000/first", "111"));

        ArticleIds.Found none = ArticleIds.find(
                List.of("urn:uuid:1234"),
                List.of(
                        "https://www.nature.com/articles/s41586-024-07000-1",
                        "https://example.org/10.1000/x",
                        "tag:example.org,2024:12345678"));
        assertThat(none).isEqualTo(new ArticleIds.Found(null, null));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "http://doi.org/10.5555/ABC.1?utm_source=rss&utm_medium=feed   | 10.5555/abc.1",
                "https://dx.doi.org/10.5555/abc.2#abstract                     | 10.5555/abc.2",
                "https://doi.org/10.5555%2Fabc.3%3Futm_source%3Dx              | 10.5555/abc.3",
                "doi:10.5555/abc.4                                             | 10.5555/abc.4",
                "https://www.doi.org/10.5555/abc.(5)                           | 10.5555/abc.(5)",
                "https://www.frontiersin.org/journals/oncology/articles/10.5555/fonc.2025.1/full#h1 | "
                        + "10.5555/fonc.2025.1",
                "https://bmccancer.biomedcentral.com/articles/10.5555/s12885-025-9                 | "
                        + "10.5555/s12885-025-9",
                "https://karger.com/ocl/article/doi/10.5555/000599475/9100475/neratinib-in-her2   | 10.5555/000599475",
                "https://academic.oup.com/jnci/advance-article/doi/10.5555/jnci/djaf302/8000302?rss=1 | "
                        + "10.5555/jnci/djaf302",
            })
    void theDoiOfADoiLinkIgnoresSchemeQueryFragmentAndEscapes(String link, String doi) {
        assertThat(ArticleIds.find(List.of(), List.of(link)).doi()).isEqualTo(doi);
    }

    @Test
    void aPubmedStyleDescriptionStatesTheItemsOwnDoiAndPmid() {
        String description = "BACKGROUND: Abstract text about a trial. CONCLUSIONS: Longer follow-up is needed. "
                + " PMID: 99100042 | DOI: 10.5555/JCO.2026.77 ";
        ArticleIds.Found found =
                ArticleIds.find(List.of(), List.of("https://pubmed.ncbi.nlm.nih.gov/99100042/"), description);
        assertThat(found).isEqualTo(new ArticleIds.Found("10.5555/jco.2026.77", "99100042"));
    }

    @Test
    void aDoiThatIsOnlyCitedNeverBecomesTheItemsIdentity() {
        String twoDois = "Our results extend earlier work (doi:10.5555/old.1). Article doi: 10.5555/new.2";
        assertThat(ArticleIds.find(List.of(), List.of("https://news.example/a"), twoDois)
                        .doi())
                .isNull();

        String citedEarly = "As reported in doi: 10.5555/cited.3, the cohort was followed for five years. "
                + "x".repeat(ArticleIds.STATEMENT_TAIL) + " More text without identifiers.";
        assertThat(ArticleIds.find(List.of(), List.of("https://news.example/b"), citedEarly)
                        .doi())
                .isNull();

        String twoPmids = "See PMID: 1234 and PMID: 5678.";
        assertThat(ArticleIds.find(List.of(), List.of(), twoPmids).pmid()).isNull();
    }
}
