package org.her2feeds.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.util.FileSystemUtils;

/** The search contract on the embedded database: Lucene, kept current through the trigger of V11 (db/vendor/h2). */
class SearchH2Test extends SearchContract {

    @RegisterExtension
    final H2FileStore db = new H2FileStore();

    @Override
    ArticleStore store() {
        return db.store;
    }

    @Override
    ArticleQueries queries() {
        return db.queries;
    }

    @Override
    ArticleQueries queries(int maxResults) {
        return db.queries(new SearchProperties(maxResults));
    }

    @Test
    void aLostIndexIsBuiltAgainFromTheDatabaseAtStart() throws Exception {
        Path dir = Files.createTempDirectory("her2-search-rebuild-");
        try {
            try (H2FileStore first = new H2FileStore(dir)) {
                first.store.saveFeed(
                        "search",
                        List.of(item("a", "Disitamab vedotin in urothelial cancer", "RC48.", "2025-01-01T00:00:00Z")));
            }
            FileSystemUtils.deleteRecursively(dir.resolve("search-index"));
            try (H2FileStore again = new H2FileStore(dir)) {
                assertThat(again.queries.search(new ArticleFilter(java.util.Set.of(), null, "vedotin", null, null), 10))
                        .extracting(found -> found.article().title())
                        .containsExactly("Disitamab vedotin in urothelial cancer");
            }
        } finally {
            FileSystemUtils.deleteRecursively(dir);
        }
    }

    @Test
    void anIndexOfTheFormerLayoutIsBuiltAgainSortedAtStart() throws Exception {
        Path dir = Files.createTempDirectory("her2-search-former-");
        try {
            try (H2FileStore first = new H2FileStore(dir)) {
                first.store.saveFeed(
                        "search",
                        List.of(item("a", "Disitamab vedotin in urothelial cancer", "RC48.", "2025-01-01T00:00:00Z")));
            }
            // The layout before the index was sorted by date: a writer that sorts cannot append to it.
            try (Directory former = FSDirectory.open(dir.resolve("search-index"));
                    IndexWriter writer = new IndexWriter(
                            former, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.CREATE))) {
                Document document = new Document();
                document.add(new StringField("id", "stale", Field.Store.YES));
                writer.addDocument(document);
                writer.setLiveCommitData(Map.of("format", "2").entrySet());
                writer.commit();
            }
            try (H2FileStore again = new H2FileStore(dir)) {
                again.store.saveFeed(
                        "search", List.of(item("b", "Vedotin conjugates reviewed", "More.", "2025-02-01T00:00:00Z")));
                assertThat(again.queries.search(new ArticleFilter(java.util.Set.of(), null, "vedotin", null, null), 10))
                        .extracting(found -> found.article().title())
                        .containsExactlyInAnyOrder(
                                "Disitamab vedotin in urothelial cancer", "Vedotin conjugates reviewed");
            }
        } finally {
            FileSystemUtils.deleteRecursively(dir);
        }
    }

    @Test
    void anIndexBuiltAgainFromMoreArticlesThanOneReadNamesKeepsEachArticlesTopicAndSource() throws Exception {
        Path dir = Files.createTempDirectory("her2-search-slices-");
        int articles = 601;
        try {
            try (H2FileStore first = new H2FileStore(dir)) {
                List<NewArticle> items = new ArrayList<>();
                for (int i = 0; i < articles; i++) {
                    items.add(item(
                            "g" + i,
                            "Trastuzumab in gastric cancer " + i,
                            "Cohort " + i + ".",
                            Instant.parse("2025-01-01T00:00:00Z")
                                    .plusSeconds(i * 3600L)
                                    .toString(),
                            GASTRIC));
                }
                first.store.saveFeed("journal", items);
            }
            FileSystemUtils.deleteRecursively(dir.resolve("search-index"));
            try (H2FileStore again = new H2FileStore(dir)) {
                ArticleFilter filter =
                        new ArticleFilter(Set.of("gastric"), Set.of("journal"), "trastuzumab", null, null);
                assertThat(again.queries(new SearchProperties(1000)).search(filter, 1000))
                        .hasSize(articles);
            }
        } finally {
            FileSystemUtils.deleteRecursively(dir);
        }
    }
}
