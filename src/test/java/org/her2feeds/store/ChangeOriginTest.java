package org.her2feeds.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two instances of a cluster on one database: each learns of every change, but only the one that made a change
 * counts it as its own ({@link ArticleVersion#lastMadeHere}), already when the change commits, before any poll.
 */
class ChangeOriginTest {

    @RegisterExtension
    final H2FileStore db = new H2FileStore();

    @Test
    void onlyTheInstanceThatMadeAChangeCountsItAsItsOwn() {
        List<ArticlesChanged> heardByB = new ArrayList<>();
        ArticleVersion a = new ArticleVersion(db.jdbc, event -> {}, properties());
        ArticleVersion b = new ArticleVersion(db.jdbc, event -> heardByB.add((ArticlesChanged) event), properties());
        long before = b.current();
        heardByB.clear();
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(db.pool));

        transactions.executeWithoutResult(status -> a.bump());

        assertThat(a.lastMadeHere()).as("A made it").isEqualTo(before + 1);
        b.refresh();
        assertThat(heardByB).extracting(ArticlesChanged::version).containsExactly(before + 1);
        assertThat(b.lastMadeHere()).as("B only heard of it").isEqualTo(-1);

        transactions.executeWithoutResult(status -> b.bump());
        assertThat(b.lastMadeHere()).isEqualTo(before + 2);
        assertThat(a.lastMadeHere()).isEqualTo(before + 1);
    }

    private StoreProperties properties() {
        return new StoreProperties(java.nio.file.Path.of("."), Duration.ofSeconds(2));
    }
}
