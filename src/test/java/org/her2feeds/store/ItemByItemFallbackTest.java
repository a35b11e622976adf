package org.her2feeds.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The last line of defence: when the database refuses an item for a reason no bound foresaw (here a constraint
 * added for the test), the feed is stored item by item, the refused item is rejected alone with its reason, and
 * every other item is stored.
 */
class ItemByItemFallbackTest {

    @TempDir
    Path dir;

    @Test
    void anItemTheDatabaseRefusesIsRejectedAloneAndTheOthersAreStored() {
        try (H2FileStore db = new H2FileStore(dir)) {
            db.jdbc
                    .sql("ALTER TABLE article ADD CONSTRAINT test_refuses_poison CHECK (title NOT LIKE '%POISON%')")
                    .update();
            List<NewArticle> feed = List.of(
                    ArticleMergingTest.item("s", "g-1", "https://s.example/1", "HER2 first"),
                    ArticleMergingTest.item("s", "g-2", "https://s.example/2", "HER2 POISON"),
                    ArticleMergingTest.item("s", "g-3", "https://s.example/3", "HER2 third"));

            SaveSummary saved = db.store.saveFeed("s", feed);

            assertThat(saved.added()).isEqualTo(2);
            assertThat(saved.rejected()).isEqualTo(1);
            assertThat(db.jdbc
                            .sql("SELECT title FROM article ORDER BY title")
                            .query(String.class)
                            .list())
                    .containsExactly("HER2 first", "HER2 third");
            assertThat(db.store.saveFeed("s", feed))
                    .extracting(SaveSummary::unchanged, SaveSummary::rejected)
                    .containsExactly(2, 1);
        }
    }
}
