package org.her2feeds.bench;

import static org.her2feeds.bench.Vocabulary.pick;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.her2feeds.tagging.TaggableText;
import org.her2feeds.tagging.Tagger;
import org.her2feeds.tagging.TaggingResult;
import org.her2feeds.tagging.TopicTag;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts a large archive in place with batched JDBC inserts, bypassing the pipeline (which would take hours):
 * articles spread evenly over three years before {@link CorpusGenerator#NEWEST}, each with a DOI and link key,
 * one source and the topics the real tagger gives its text, about a fifth of them relevant.
 */
final class ArchiveFiller {

    private static final int TEMPLATES = 400;
    private static final int BATCH = 5000;
    private static final long SPAN_SECONDS = 3L * 365 * 24 * 3600;

    private record Template(
            String title, String html, String text, String categories, TaggingResult tagging, String taggingJson) {}

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final List<Template> templates = new ArrayList<>();

    ArchiveFiller(JdbcTemplate jdbc, TransactionTemplate transactions, Tagger tagger, JsonMapper json) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        SplittableRandom random = new SplittableRandom(7);
        for (int t = 0; t < TEMPLATES; t++) {
            boolean her2 = t % 5 == 0;
            String title = her2
                    ? capitalise(pick(random, Vocabulary.HER2_DRUGS)) + " in " + pick(random, Vocabulary.HER2_STATUS)
                            + " " + pick(random, Vocabulary.HER2_CANCERS) + ": " + pick(random, Vocabulary.DESIGNS)
                    : capitalise(pick(random, Vocabulary.OTHER_DRUGS)) + " in "
                            + pick(random, Vocabulary.OTHER_DISEASES) + ": " + pick(random, Vocabulary.DESIGNS);
            String sentence = her2
                    ? String.format(Locale.ROOT, pick(random, Vocabulary.HER2_FINDINGS), 1 + random.nextInt(90))
                    : "The primary endpoint was " + pick(random, Vocabulary.OUTCOMES) + ".";
            String text = sentence + " Median follow-up was " + (6 + random.nextInt(40)) + " months. "
                    + "Results were consistent across prespecified subgroups, including age and region.";
            String html =
                    "<p><b>Background:</b> " + sentence + "</p><p>Median follow-up was " + (6 + random.nextInt(40))
                            + " months. Results were consistent across prespecified subgroups, including age and "
                            + "region.</p>";
            List<String> categories = her2 ? List.of("Oncology", "Breast cancer") : List.of("Oncology");
            TaggingResult tagging = tagger.tag(new TaggableText(title, text, categories));
            templates.add(new Template(
                    title, html, text, json.writeValueAsString(categories), tagging, json.writeValueAsString(tagging)));
        }
    }

    /** The order rows are written in; the rows themselves are the same either way. */
    enum WriteOrder {
        /**
         * By article id: every index led by the article id (its primary key, the foreign keys of its keys, sources
         * and topics) grows at its end instead of at a random place, which on H2's small cache kept most of the index
         * pages of a large archive out of it and made each row cost a read of several pages. But H2 keeps a table
         * whose key is not a number in the order rows were inserted, so a day's articles end up spread over the whole
         * file: a worst case for reading a day that the service's own archive does not have.
         */
        ID,
        /**
         * By first sight, as the service stores articles: a day's articles lie near one another in the file. Costs
         * random inserts into the id-led indexes, affordable with a large cache (see {@link H2BulkLoad}).
         */
        FIRST_SEEN
    }

    /** Adds {@code count} articles numbered from {@code first} in id order; returns the seconds it took. */
    double fill(long first, long count, String progressLabel) {
        return fill(first, count, progressLabel, WriteOrder.ID);
    }

    /**
     * Adds {@code count} articles numbered from {@code first}, written in the given order; returns the seconds it
     * took. Each article is drawn in number order, so the archive is the same whatever the order of writing.
     */
    double fill(long first, long count, String progressLabel, WriteOrder writeOrder) {
        long started = System.nanoTime();
        int size = Math.toIntExact(count);
        SplittableRandom random = new SplittableRandom(first * 31 + 11);
        int[] template = new int[size];
        long[] age = new long[size];
        int[] seenAfter = new int[size];
        long[] idHigh = new long[size];
        long[] idLow = new long[size];
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            template[i] = random.nextInt(TEMPLATES);
            age[i] = random.nextLong(SPAN_SECONDS);
            seenAfter[i] = random.nextInt(6 * 3600);
            String id = id(first + i);
            idHigh[i] = HexFormat.fromHexDigitsToLong(id, 0, 16);
            idLow[i] = HexFormat.fromHexDigitsToLong(id, 16, 32);
            order[i] = i;
        }
        if (writeOrder == WriteOrder.ID) {
            // Unsigned, digit by digit: the order of the ids' text, which is the order of the indexes.
            Arrays.sort(order, (a, b) -> {
                int high = Long.compareUnsigned(idHigh[a], idHigh[b]);
                return high != 0 ? high : Long.compareUnsigned(idLow[a], idLow[b]);
            });
        } else {
            // First sight is NEWEST - age + seenAfter: the larger age - seenAfter, the earlier.
            Arrays.sort(order, (a, b) -> Long.compare(age[b] - seenAfter[b], age[a] - seenAfter[a]));
        }
        for (int from = 0; from < size; from += BATCH) {
            int to = Math.min(size, from + BATCH);
            List<Object[]> articles = new ArrayList<>();
            List<Object[]> keys = new ArrayList<>();
            List<Object[]> sources = new ArrayList<>();
            List<Object[]> topics = new ArrayList<>();
            for (int k = from; k < to; k++) {
                int i = order[k];
                long n = first + i;
                Template t = templates.get(template[i]);
                String id = id(n);
                Instant sortAt = CorpusGenerator.NEWEST.minusSeconds(age[i]);
                Instant firstSeen = sortAt.plusSeconds(seenAfter[i]);
                String doi = "10.5555/archive." + n;
                String url = "https://archive" + (n % 50) + ".example.org/articles/" + n;
                String source = "archive-" + (n % 50);
                articles.add(new Object[] {
                    id,
                    t.title() + " (" + n + ")",
                    url,
                    t.html(),
                    t.text(),
                    "[\"Archive A\"]",
                    t.categories(),
                    doi,
                    null,
                    ts(sortAt),
                    ts(firstSeen),
                    ts(firstSeen),
                    ts(sortAt),
                    LocalDate.ofInstant(sortAt, ZoneOffset.UTC),
                    t.tagging().relevant(),
                    t.taggingJson(),
                    sha256(id + "content"),
                    source
                });
                keys.add(new Object[] {sha256("doi:" + doi), "doi", id});
                keys.add(new Object[] {sha256("link:" + url), "link", id});
                sources.add(new Object[] {id, source, "urn:archive:" + n, url, ts(firstSeen)});
                if (t.tagging().relevant()) {
                    for (TopicTag topic : t.tagging().topics()) {
                        topics.add(new Object[] {topic.slug(), id, ts(sortAt)});
                    }
                }
            }
            transactions.executeWithoutResult(status -> {
                jdbc.batchUpdate("""
                        INSERT INTO article (id, title, url, summary_html, summary_text, authors, categories, doi, pmid,
                            published_at, first_seen_at, updated_at, sort_at, digest_date, relevant, tagging,
                                content_hash, owner_source)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", articles);
                jdbc.batchUpdate("INSERT INTO article_key (key_hash, key_kind, article_id) VALUES (?, ?, ?)", keys);
                jdbc.batchUpdate(
                        "INSERT INTO article_source (article_id, source_id, guid, link, first_seen_at) VALUES (?, ?, "
                                + "?, ?, ?)",
                        sources);
                if (!topics.isEmpty()) {
                    jdbc.batchUpdate("INSERT INTO article_topic (slug, article_id, sort_at) VALUES (?, ?, ?)", topics);
                }
            });
            if (to % 100_000 == 0 || to == size) {
                System.out.printf(
                        Locale.ROOT,
                        "  %s: %,d of %,d articles (%.0f s)%n",
                        progressLabel,
                        to,
                        count,
                        (System.nanoTime() - started) / 1e9);
            }
        }
        jdbc.update("UPDATE store_meta SET long_value = long_value + 1 WHERE name = 'articles_version'");
        return (System.nanoTime() - started) / 1e9;
    }

    private static String id(long n) {
        return sha256("archive:" + n).substring(0, 32);
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String capitalise(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
