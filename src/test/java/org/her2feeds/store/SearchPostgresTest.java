package org.her2feeds.store;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The search contract on PostgreSQL's full-text search (migrations V11 and V13 of db/vendor/postgresql). */
class SearchPostgresTest extends SearchContract {

    @RegisterExtension
    static final MigratedPostgres database = new MigratedPostgres("search");

    private static HikariDataSource pool;
    private static ArticleStore store;
    private static ArticleQueries queries;
    private static JdbcClient jdbc;
    private static JsonMapper json;
    private static ArticleVersion version;

    @BeforeAll
    static void migrate() {
        pool = database.pool();
        StoreParts parts = StoreParts.on(pool);
        jdbc = parts.jdbc();
        json = parts.json();
        version = parts.version();
        store = parts.store();
        queries = parts.queries(engine(), SearchProperties.DEFAULTS);
    }

    @BeforeEach
    void empty() {
        JdbcClient.create(pool).sql("DELETE FROM article").update();
    }

    @Override
    ArticleStore store() {
        return store;
    }

    @Override
    ArticleQueries queries() {
        return queries;
    }

    @Override
    ArticleQueries queries(int maxResults) {
        return new ArticleQueries(jdbc, json, version, engine(), new SearchProperties(maxResults));
    }

    private static PostgresSearch engine() {
        return new PostgresSearch(jdbc, new TransactionTemplate(new DataSourceTransactionManager(pool)));
    }

    /** The planner's count of published articles, which chooses a search's plan, as autovacuum would refresh it. */
    @Override
    void statisticsTaken() {
        jdbc.sql("ANALYZE article_search").update();
    }
}
