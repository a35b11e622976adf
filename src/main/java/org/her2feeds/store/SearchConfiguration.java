package org.her2feeds.store;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

/** The search engine of the database in use: PostgreSQL's full-text search there, Lucene on the embedded one. */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    /** Lucene's index lives beside the embedded database, in {@code her2.data-dir}/search-index. */
    @Bean
    SearchEngine searchEngine(
            DataSource dataSource, JdbcClient jdbc, TransactionTemplate transactions, StoreProperties store)
            throws MetaDataAccessException {
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        return "PostgreSQL".equals(product)
                ? new PostgresSearch(jdbc, transactions)
                : new LuceneSearch(jdbc, store.dataDir().resolve("search-index"));
    }
}
