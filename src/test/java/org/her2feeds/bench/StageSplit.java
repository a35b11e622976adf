package org.her2feeds.bench;

import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.her2feeds.clean.CleanSummary;
import org.her2feeds.clean.ContentCleaner;
import org.her2feeds.parse.FeedParser;
import org.her2feeds.parse.ParsedEntry;
import org.her2feeds.parse.ParsedFeed;
import org.her2feeds.sources.Source;
import org.her2feeds.sources.SourceCatalog;
import org.her2feeds.store.ArticleStore;
import org.her2feeds.store.NewArticle;
import org.her2feeds.tagging.TaggableText;
import org.her2feeds.tagging.Tagger;
import org.her2feeds.tagging.TaggingResult;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Where the pipeline's time goes, stage by stage, through the application's own beans on the corpus held in
 * memory: Rome alone (as ParseBench reads it), parse (FeedParser: Rome and the mapping to entries), clean (links,
 * summary, full text, titles, authors, categories), tag, and store (one saveFeed per feed, on the benchmark's H2).
 * Each stage is timed on the wall clock around its own calls; the mapping between clean and tag follows ingest's
 * EntryMapper in outline (links without its fallbacks), which is enough to weigh the stages. Fetching files and
 * recording source states are left out. Each stage is also timed on this thread's CPU clock: on a machine shared
 * with other work the wall clock counts the waits for a core, the CPU clock does not (work the stage hands to other
 * threads, such as H2's page writer or the search index, is left out of both).
 */
final class StageSplit {

    /**
     * Microseconds per item of each stage, and of Rome alone on the same documents in the same pass (interleaved
     * feed by feed, so that both see the same load on a shared machine).
     */
    record Split(long items, double rome, double parse, double clean, double tag, double store, Cpu cpu) {
        double total() {
            return parse + clean + tag + store;
        }
    }

    /** The same stages in microseconds of this thread's CPU time per item. */
    record Cpu(double rome, double parse, double clean, double tag, double store) {
        double total() {
            return parse + clean + tag + store;
        }
    }

    private record Document(Source source, byte[] body) {}

    private final FeedParser parser;
    private final ContentCleaner cleaner;
    private final Tagger tagger;
    private final ArticleStore store;
    private final List<Document> documents = new ArrayList<>();

    StageSplit(ConfigurableApplicationContext context) throws Exception {
        this.parser = context.getBean(FeedParser.class);
        this.cleaner = context.getBean(ContentCleaner.class);
        this.tagger = context.getBean(Tagger.class);
        this.store = context.getBean(ArticleStore.class);
        for (Source source : context.getBean(SourceCatalog.class).enabled()) {
            documents.add(new Document(source, Files.readAllBytes(Path.of(source.url()))));
        }
    }

    Split run() throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long rome = 0, parse = 0, clean = 0, tag = 0, save = 0, items = 0;
        long romeCpu = 0, parseCpu = 0, cleanCpu = 0, tagCpu = 0, saveCpu = 0;
        for (Document document : documents) {
            long c = threads.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            SyndFeedInput input = new SyndFeedInput();
            input.setXmlHealerOn(false);
            input.setPreserveWireFeed(true);
            input.build(new XmlReader(new ByteArrayInputStream(document.body()), true));
            rome += System.nanoTime() - t;
            long c2 = threads.getCurrentThreadCpuTime();
            romeCpu += c2 - c;
            t = System.nanoTime();
            ParsedFeed feed =
                    parser.parse(document.body(), null, document.source().url());
            parse += System.nanoTime() - t;
            c = threads.getCurrentThreadCpuTime();
            parseCpu += c - c2;
            List<NewArticle> articles = new ArrayList<>(feed.entries().size());
            for (ParsedEntry entry : feed.entries()) {
                items++;
                c = threads.getCurrentThreadCpuTime();
                t = System.nanoTime();
                URI base = cleaner.base(null, entry.xmlBases()).orElse(null);
                String link =
                        cleaner.link(entry.link(), base).map(URI::toString).orElse(null);
                CleanSummary summary = cleaner.summary(entry.summaryHtml(), base);
                String content = cleaner.fullText(entry.contentHtml());
                String title = cleaner.plainText(entry.title());
                List<String> authors = entry.authors().stream()
                        .map(cleaner::plainText)
                        .filter(s -> !s.isEmpty())
                        .toList();
                List<String> categories = entry.categories().stream()
                        .map(cleaner::plainText)
                        .filter(s -> !s.isEmpty())
                        .toList();
                long t2 = System.nanoTime();
                clean += t2 - t;
                c2 = threads.getCurrentThreadCpuTime();
                cleanCpu += c2 - c;
                TaggableText text = new TaggableText(title, summary.fullText(), content, categories);
                TaggingResult tagging = tagger.tag(text);
                tag += System.nanoTime() - t2;
                tagCpu += threads.getCurrentThreadCpuTime() - c2;
                articles.add(new NewArticle(
                        document.source().id(),
                        entry.guid(),
                        link,
                        title.isEmpty() ? "untitled" : title,
                        summary.html(),
                        summary.text(),
                        authors,
                        categories,
                        entry.publishedAt() != null ? entry.publishedAt() : entry.updatedAt(),
                        entry.doi(),
                        entry.pmid(),
                        tagging,
                        text.summary(),
                        text.content(),
                        null));
            }
            c = threads.getCurrentThreadCpuTime();
            t = System.nanoTime();
            store.saveFeed(document.source().id(), document.source().kind(), articles);
            save += System.nanoTime() - t;
            saveCpu += threads.getCurrentThreadCpuTime() - c;
        }
        return new Split(
                items,
                rome / 1e3 / items,
                parse / 1e3 / items,
                clean / 1e3 / items,
                tag / 1e3 / items,
                save / 1e3 / items,
                new Cpu(
                        romeCpu / 1e3 / items,
                        parseCpu / 1e3 / items,
                        cleanCpu / 1e3 / items,
                        tagCpu / 1e3 / items,
                        saveCpu / 1e3 / items));
    }

    static String describe(Split split) {
        return String.format(
                Locale.ROOT,
                "Rome alone %.1f; parse %.1f, clean %.1f, tag %.1f, store %.1f µs/item (CPU of this thread: Rome "
                        + "alone %.1f; parse %.1f, clean %.1f, tag %.1f, store %.1f)",
                split.rome(),
                split.parse(),
                split.clean(),
                split.tag(),
                split.store(),
                split.cpu().rome(),
                split.cpu().parse(),
                split.cpu().clean(),
                split.cpu().tag(),
                split.cpu().store());
    }
}
