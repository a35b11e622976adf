package org.her2feeds.bench;

import java.util.List;
import org.her2feeds.ingest.IngestOutcome;
import org.her2feeds.ingest.IngestService;
import org.her2feeds.sources.Source;
import org.her2feeds.sources.SourceCatalog;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The full pipeline from local files through the application's own beans: every source of the generated
 * sources file goes through {@link IngestService#ingest(String)}, which is what each Quartz job runs.
 */
final class PipelineBench {

    private final IngestService ingest;
    private final List<String> sourceIds;
    private final JdbcTemplate jdbc;
    private IngestOutcomeTotals last;

    record IngestOutcomeTotals(
            long added, long duplicates, long unchanged, long irrelevant, long rejected, long errors) {}

    PipelineBench(ConfigurableApplicationContext context) {
        this.ingest = context.getBean(IngestService.class);
        this.sourceIds = context.getBean(SourceCatalog.class).enabled().stream()
                .map(Source::id)
                .toList();
        this.jdbc = context.getBean(JdbcTemplate.class);
    }

    /** Forgets what the corpus stored (articles owned by or seen from its feeds, and source states) but no more. */
    void reset() {
        jdbc.update("DELETE FROM article_source WHERE source_id LIKE 'feed-%'");
        jdbc.update("DELETE FROM article WHERE owner_source LIKE 'feed-%'");
        jdbc.update("DELETE FROM source_item WHERE source_id LIKE 'feed-%'");
        jdbc.update("DELETE FROM source_state");
    }

    long pass(long corpusItems) {
        long added = 0, duplicates = 0, unchanged = 0, irrelevant = 0, rejected = 0, errors = 0;
        for (String id : sourceIds) {
            IngestOutcome outcome = ingest.ingest(id);
            if (outcome.error() != null) {
                errors++;
                System.out.println("  ! " + id + ": " + outcome.error());
            }
            added += outcome.added();
            duplicates += outcome.duplicates();
            unchanged += outcome.unchanged();
            irrelevant += outcome.irrelevant();
            rejected += outcome.rejected();
        }
        last = new IngestOutcomeTotals(added, duplicates, unchanged, irrelevant, rejected, errors);
        return corpusItems;
    }

    IngestOutcomeTotals lastTotals() {
        return last;
    }

    long articleCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM article", Long.class);
    }
}
