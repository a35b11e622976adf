package org.her2feeds.store;

import org.junit.jupiter.api.extension.RegisterExtension;

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
}
