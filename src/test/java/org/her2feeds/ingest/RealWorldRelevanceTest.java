package org.her2feeds.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.her2feeds.clean.ContentCleaner;
import org.her2feeds.parse.FeedParser;
import org.her2feeds.parse.ParsedEntry;
import org.her2feeds.parse.ParsedFeed;
import org.her2feeds.store.NewArticle;
import org.her2feeds.tagging.Tagger;
import org.junit.jupiter.api.Test;

/**
 * The shipped relevance rules on the real-world shapes corpus ({@code src/test/resources/realworld/}), whose HER2
 * labels were written by a helper who never saw the rules, and on which no rule was tuned: a held-out check of
 * what readers get, from the feed's bytes through parsing, cleaning and tagging.
 */
class RealWorldRelevanceTest {

    /** Floors below the main set's bar: this set is held out, so a miss here is found, not fixed by tuning. */
    private static final double MIN_PRECISION = 0.95;

    private static final double MIN_RECALL = 0.95;

    private record Labelled(String file, String item, String title, boolean her2) {}

    @Test
    void publishedArticlesOfTheRealWorldCorpusAreAboutHer2() throws Exception {
        Tagger tagger = Tagger.fromFile(Path.of("config/topics.yml"));
        EntryMapper mapper = new EntryMapper(new ContentCleaner(), tagger);
        FeedParser parser = new FeedParser();
        List<Labelled> labels = labels();
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int tn = 0;
        List<String> wrong = new ArrayList<>();
        for (String[] file : tsv("files.tsv")) {
            URI url = URI.create("https://feeds.example" + file[2]);
            ParsedFeed feed = parser.parse(resource(file[0]), file[3], url);
            URI base = mapper.documentBase(feed, url);
            List<ParsedEntry> entries = feed.entries();
            for (Labelled label :
                    labels.stream().filter(l -> l.file().equals(file[0])).toList()) {
                ParsedEntry entry = find(entries, label);
                assertThat(entry).as("%s %s", label.file(), label.item()).isNotNull();
                NewArticle article = mapper.map("s", null, entry, base, null).orElseThrow();
                boolean relevant = article.tagging().relevant();
                if (relevant && label.her2()) {
                    tp++;
                } else if (relevant) {
                    fp++;
                    wrong.add("published, labelled not HER2: " + label.file() + " " + label.item() + " '"
                            + article.title() + "' " + article.tagging().relevanceHits());
                } else if (label.her2()) {
                    fn++;
                    wrong.add("dropped, labelled HER2: " + label.file() + " " + label.item() + " '" + article.title()
                            + "' " + article.tagging().discounted());
                } else {
                    tn++;
                }
            }
        }
        double precision = tp / (double) (tp + fp);
        double recall = tp / (double) (tp + fn);
        System.out.printf(
                Locale.ROOT,
                "[realworld relevance] %d items: precision %.3f recall %.3f (TP %d, FP %d, FN %d, TN %d); "
                        + "one published article in %s is not about HER2%n",
                tp + fp + fn + tn,
                precision,
                recall,
                tp,
                fp,
                fn,
                tn,
                fp == 0 ? "none" : String.valueOf((tp + fp) / fp));
        wrong.forEach(line -> System.out.println("[realworld relevance] " + line));
        assertThat(tp + fp + fn + tn).isGreaterThanOrEqualTo(1000);
        assertThat(precision).as("precision on the held-out real-world corpus").isGreaterThanOrEqualTo(MIN_PRECISION);
        assertThat(recall).as("recall on the held-out real-world corpus").isGreaterThanOrEqualTo(MIN_RECALL);
    }

    private static ParsedEntry find(List<ParsedEntry> entries, Labelled label) {
        if (label.item().startsWith("#")) {
            return entries.get(Integer.parseInt(label.item().substring(1)) - 1);
        }
        return entries.stream()
                .filter(e -> label.item().equals(e.guid()))
                .findFirst()
                .orElse(null);
    }

    private static List<Labelled> labels() throws IOException {
        return tsv("manifest.tsv").stream()
                .map(c -> new Labelled(c[0], c[2], c.length > 9 ? c[9] : "", c[7].equals("yes")))
                .toList();
    }

    private static List<String[]> tsv(String name) throws IOException {
        List<String[]> rows = new ArrayList<>();
        boolean header = true;
        for (String line : new String(resource(name), StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            rows.add(line.split("\t", -1));
        }
        return rows;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = RealWorldRelevanceTest.class.getClassLoader().getResourceAsStream("realworld/" + name)) {
            if (in == null) {
                throw new IOException("no test resource realworld/" + name);
            }
            return in.readAllBytes();
        }
    }
}
