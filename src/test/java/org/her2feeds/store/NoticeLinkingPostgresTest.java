package org.her2feeds.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.her2feeds.tagging.Notice;
import org.her2feeds.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notices mark the articles they name on the clustered database (PostgreSQL) as on H2 ({@link NoticeLinkingTest}):
 * the keys of every kind (DOI, PubMed id, title) are looked up in one statement, as arrays.
 */
class NoticeLinkingPostgresTest {

    @Test
    void noticesNamingByDoiPubMedIdAndTitleMarkTheirArticlesOnPostgres() throws Exception {
        try (TestPostgres database = TestPostgres.freshSchema("notices");
                HikariDataSource pool = Migrations.POSTGRESQL.migratedPool(database)) {
            StoreParts parts = StoreParts.on(pool);
            ArticleQueries queries = parts.queries(
                    new PostgresSearch(parts.jdbc(), new TransactionTemplate(new DataSourceTransactionManager(pool))),
                    SearchProperties.DEFAULTS);
            parts.store()
                    .saveFeed(
                            "journal",
                            List.of(
                                    NoticeLinkingTest.article(
                                            "a-1", "Trastuzumab in HER2 gastric", "10.5555/g.1", null),
                                    NoticeLinkingTest.article("a-2", "Neratinib and the gut microbiome", null, "9911"),
                                    NoticeLinkingTest.article("a-3", "Tucatinib in HER2 colorectal cancer", null, null),
                                    NoticeLinkingTest.article("a-4", "Pyrotinib in HER2 lung cancer", null, null)));
            parts.store()
                    .saveFeed(
                            "journal",
                            List.of(
                                    NoticeLinkingTest.notice(
                                            "n-1",
                                            "Correction",
                                            new Notice(Notice.CORRECTION, List.of("10.5555/g.1"), List.of(), null)),
                                    NoticeLinkingTest.notice(
                                            "n-2",
                                            "Retraction",
                                            new Notice(Notice.RETRACTION, List.of(), List.of("9911"), null)),
                                    NoticeLinkingTest.notice(
                                            "n-3",
                                            "Expression of concern",
                                            new Notice(
                                                    Notice.CONCERN,
                                                    List.of(),
                                                    List.of(),
                                                    "Tucatinib in HER2 colorectal cancer"))));

            Map<String, String> statuses = queries.day(LocalDate.parse("2026-03-01"), ArticleFilter.ALL).stream()
                    .collect(Collectors.toMap(
                            StoredArticle::title,
                            a -> a.status().map(ArticleStatus::kind).orElse("none")));

            assertThat(statuses)
                    .containsEntry("Trastuzumab in HER2 gastric", ArticleStatus.CORRECTED)
                    .containsEntry("Neratinib and the gut microbiome", ArticleStatus.RETRACTED)
                    .containsEntry("Tucatinib in HER2 colorectal cancer", ArticleStatus.CONCERN)
                    .containsEntry("Pyrotinib in HER2 lung cancer", "none");
        }
    }
}
