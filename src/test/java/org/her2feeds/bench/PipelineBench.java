package org.her2feeds.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    private final boolean h2;

    record IngestOutcomeTotals(
            long added, long duplicates, long unchanged, long irrelevant, long rejected, long errors) {}

    PipelineBench(ConfigurableApplicationContext context) {
        this.ingest = context.getBean(IngestService.class);
        this.sourceIds = context.getBean(SourceCatalog.class).enabled().stream()
                .map(Source::id)
                .toList();
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.h2 = Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) ->
                c.getMetaData().getDatabaseProductName().equals("H2")));
    }

    /** Forgets what the corpus stored (articles owned by or seen from its feeds, and source states) but no more. */
    void reset() {
        jdbc.update("DELETE FROM article_source WHERE source_id LIKE 'feed-%'");
        jdbc.update("DELETE FROM article WHERE owner_source LIKE 'feed-%'");
        if (hasSourceItems()) {
            jdbc.update("DELETE FROM source_item WHERE source_id LIKE 'feed-%'");
            jdbc.update("DELETE FROM source_feed");
        }
        jdbc.update("DELETE FROM source_state");
        // The deletions touch pages all over a large archive's indexes: H2 writes them out now, not during the pass.
        if (h2) {
            jdbc.execute("CHECKPOINT");
        }
    }

    /** Since issue 12; the benchmark also runs against the code before it, for the before/after table. */
    private boolean hasSourceItems() {
        return jdbc.queryForObject(
                        "SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) = 'source_item'",
                        Long.class)
                > 0;
    }

    /**
     * Forgets the sources' validators, so that the next pass reads every feed again (a 200 with the same items, as
     * from a publisher that ignores conditional GET) instead of the 304 a file source otherwise answers.
     */
    void forgetValidators() {
        jdbc.update("UPDATE source_state SET etag = NULL, last_modified = NULL");
    }

    /**
     * Makes every feed's document look new (as a changed lastBuildDate would) while its items stay the same, so the
     * next pass reads each document and skips its entries one by one.
     */
    void forgetDocuments() {
        forgetValidators();
        if (hasSourceItems()) {
            jdbc.update("UPDATE source_feed SET fingerprint = 'changed'");
        }
    }

    /**
     * Gives every document a new feed-level date, as publishers do at every request (RSS lastBuildDate, the Atom
     * feed's updated, the RDF channel's dc:date), items unchanged, and forgets the validators; {@link #restore} puts
     * the generated files back.
     */
    Map<Path, byte[]> redate(List<Path> files, int round) throws IOException {
        forgetValidators();
        String rfc = "Fri, 04 Dec 2026 " + String.format(Locale.ROOT, "%02d", round % 24) + ":00:00 GMT";
        String iso = "2026-12-04T" + String.format(Locale.ROOT, "%02d", round % 24) + ":00:00Z";
        Map<Path, byte[]> originals = new LinkedHashMap<>();
        for (Path file : files) {
            byte[] body = Files.readAllBytes(file);
            originals.put(file, body);
            String text = new String(body, StandardCharsets.UTF_8);
            String changed;
            if (text.contains("<ttl>360</ttl>")) {
                changed =
                        text.replaceFirst("<ttl>360</ttl>", "<ttl>360</ttl><lastBuildDate>" + rfc + "</lastBuildDate>");
            } else if (text.contains("<rdf:RDF")) {
                changed = text.replaceFirst(
                        "<description>Preprints</description>",
                        "<description>Preprints</description><dc:date>" + iso + "</dc:date>");
            } else {
                changed = text.replaceFirst("<updated>[^<]*</updated>", "<updated>" + iso + "</updated>");
            }
            if (changed.equals(text)) {
                throw new IllegalStateException("no feed-level date to change in " + file);
            }
            Files.writeString(file, changed);
        }
        return originals;
    }

    static void restore(Map<Path, byte[]> originals) throws IOException {
        for (Map.Entry<Path, byte[]> e : originals.entrySet()) {
            Files.write(e.getKey(), e.getValue());
        }
    }

    /**
     * One source's first ingest, an unchanged re-fetch (same bytes), one of the same items in a changed document and
     * one of the same document with a new feed-level date, in nanoseconds.
     */
    long[] firstAndRefetch(String sourceId, Path file) throws IOException {
        jdbc.update("DELETE FROM article_source WHERE source_id = ?", sourceId);
        jdbc.update("DELETE FROM article WHERE owner_source = ?", sourceId);
        if (hasSourceItems()) {
            jdbc.update("DELETE FROM source_item WHERE source_id = ?", sourceId);
            jdbc.update("DELETE FROM source_feed WHERE source_id = ?", sourceId);
        }
        jdbc.update("DELETE FROM source_state WHERE source_id = ?", sourceId);
        long t = System.nanoTime();
        IngestOutcome first = ingest.ingest(sourceId);
        long firstNanos = System.nanoTime() - t;
        forgetValidators();
        t = System.nanoTime();
        IngestOutcome again = ingest.ingest(sourceId);
        long againNanos = System.nanoTime() - t;
        forgetDocuments();
        t = System.nanoTime();
        IngestOutcome items = ingest.ingest(sourceId);
        long itemsNanos = System.nanoTime() - t;
        Map<Path, byte[]> original = redate(List.of(file), 1);
        IngestOutcome redated;
        long redatedNanos;
        try {
            t = System.nanoTime();
            redated = ingest.ingest(sourceId);
            redatedNanos = System.nanoTime() - t;
        } finally {
            restore(original);
        }
        for (IngestOutcome outcome : List.of(first, again, items, redated)) {
            if (outcome.error() != null || (outcome != first && outcome.added() + outcome.updated() != 0)) {
                throw new IllegalStateException("re-fetch of " + sourceId + " was not an unchanged 200: " + outcome);
            }
        }
        return new long[] {firstNanos, againNanos, itemsNanos, redatedNanos};
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

    /** Articles that are not the corpus's: an archive filled before the passes. */
    long archiveCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM article WHERE owner_source NOT LIKE 'feed-%'", Long.class);
    }
}
