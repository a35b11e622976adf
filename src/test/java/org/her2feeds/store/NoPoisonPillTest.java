package org.her2feeds.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.her2feeds.tagging.TaggingResult;
import org.her2feeds.tagging.TermHit;
import org.her2feeds.tagging.TopicTag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * "No item can cost a source its others", as a property of the real store on a real H2 file database: feeds of
 * generated items (oversized titles, GUIDs, links, author and category lists, DOIs, tagging explanations; control
 * characters, lone surrogates, hostile markup, empty fields, exact duplicates) mixed with good ones. Whatever the
 * mix, the save does not fail, every good item is stored as given, every other item is stored (bounded) or
 * counted as rejected, and saving the same feed again changes nothing.
 *
 * <p>Feeds come from a seeded generator (the seed is the test's name, so a failure is reproduced by running that
 * seed alone): 80 feeds of up to 70 items, about 2,800 items per run, half of them hostile in one or more fields.
 *
 * <p>On the store before ColumnLimits the first generated feed with one oversized value failed as a whole
 * ("Value too long for column", DataIntegrityViolationException), losing its good items; an item with no title
 * and no other identity failed it with a NullPointerException.
 */
class NoPoisonPillTest {

    private static final AtomicInteger FEEDS = new AtomicInteger();
    private static Path dir;
    private static H2FileStore db;

    enum Title {
        GOOD,
        HUGE_WORDS,
        HUGE_ONE_WORD,
        CONTROL,
        LONE_SURROGATES,
        MARKUP,
        EMPTY,
        NULL,
        ONLY_NUL
    }

    enum Guid {
        GOOD,
        HUGE,
        CONTROL,
        LONE_SURROGATE,
        EMPTY,
        NULL
    }

    enum Link {
        GOOD,
        HUGE,
        HOME_PAGE,
        NOT_A_URL,
        NULL
    }

    enum Authors {
        GOOD,
        CONSORTIUM,
        HUGE_NAME,
        WITH_NULLS,
        NONE
    }

    enum Categories {
        GOOD,
        MANY,
        HUGE
    }

    enum Ids {
        NONE,
        GOOD_DOI,
        HUGE_DOI,
        GARBAGE_DOI,
        GARBAGE_PMID,
        GOOD_PMID
    }

    enum Summary {
        GOOD,
        HUGE_HTML,
        HUGE_TEXT,
        CONTROL,
        NULL
    }

    enum Tagging {
        GOOD,
        HUGE_HITS
    }

    /** One generated item; {@code noise} is arbitrary text (any code units) mixed into the hostile values. */
    record Recipe(
            Title title,
            Guid guid,
            Link link,
            Authors authors,
            Categories categories,
            Ids ids,
            Summary summary,
            Tagging tagging,
            String noise) {

        static Recipe good(String noise) {
            return new Recipe(
                    Title.GOOD,
                    Guid.GOOD,
                    Link.GOOD,
                    Authors.GOOD,
                    Categories.GOOD,
                    Ids.NONE,
                    Summary.GOOD,
                    Tagging.GOOD,
                    noise);
        }

        boolean isGood() {
            return title == Title.GOOD
                    && guid == Guid.GOOD
                    && link == Link.GOOD
                    && authors == Authors.GOOD
                    && categories == Categories.GOOD
                    && (ids == Ids.NONE || ids == Ids.GOOD_DOI || ids == Ids.GOOD_PMID)
                    && summary == Summary.GOOD
                    && tagging == Tagging.GOOD;
        }

        boolean hasNoTitle() {
            return title == Title.EMPTY || title == Title.NULL || title == Title.ONLY_NUL;
        }
    }

    @BeforeAll
    static void open() throws IOException {
        dir = Files.createTempDirectory("no-poison-pill");
        db = new H2FileStore(dir);
    }

    @AfterAll
    static void close() {
        if (db != null) {
            db.close();
        }
    }

    static IntStream seeds() {
        return IntStream.rangeClosed(1, 80);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyGoodItemIsStoredAndEveryOtherIsStoredBoundedOrRejected(int seed) {
        Random random = new Random(seed);
        List<Recipe> recipes = feed(random);
        List<Integer> duplicated = IntStream.range(0, random.nextInt(5))
                .map(i -> random.nextInt(1001))
                .boxed()
                .toList();
        String source = "gen-" + FEEDS.incrementAndGet();
        List<NewArticle> items = new ArrayList<>();
        for (int i = 0; i < recipes.size(); i++) {
            items.add(item(source, i, recipes.get(i)));
        }
        // Exact copies of good items, as feeds that list an article twice send them.
        List<Integer> goodPositions = new ArrayList<>();
        for (int i = 0; i < recipes.size(); i++) {
            if (recipes.get(i).isGood()) {
                goodPositions.add(i);
            }
        }
        for (int pick : duplicated) {
            if (!goodPositions.isEmpty()) {
                items.add(items.get(goodPositions.get(pick % goodPositions.size())));
            }
        }
        Collections.shuffle(items, new java.util.Random(recipes.size()));

        SaveSummary first = db.store.saveFeed(source, items);

        long titleless = recipes.stream().filter(Recipe::hasNoTitle).count();
        assertThat(first.rejected())
                .as("only items with no title at all are rejected")
                .isEqualTo((int) titleless);
        assertThat(first.added())
                .as("every other distinct item is a new article")
                .isEqualTo(recipes.size() - (int) titleless);
        assertThat(db.jdbc
                        .sql("SELECT COUNT(*) FROM article_source WHERE source_id = :s")
                        .param("s", source)
                        .query(Long.class)
                        .single())
                .isEqualTo(recipes.size() - titleless);
        for (int i = 0; i < recipes.size(); i++) {
            if (recipes.get(i).isGood()) {
                NewArticle good = item(source, i, recipes.get(i));
                List<String> stored = db.jdbc
                        .sql("""
                        SELECT a.title || '|' || a.url || '|' || a.owner_source FROM article a
                        JOIN article_source s ON s.article_id = a.id WHERE s.source_id = :s AND s.guid = :g""")
                        .param("s", source)
                        .param("g", good.guid())
                        .query(String.class)
                        .list();
                assertThat(stored)
                        .as("good item %s", good.guid())
                        .containsExactly(good.title() + "|" + good.link() + "|" + source);
            }
        }

        SaveSummary again = db.store.saveFeed(source, items);
        assertThat(again.added() + again.updated() + again.duplicates())
                .as("a second save of the same feed changes nothing")
                .isZero();
        assertThat(again.rejected()).isEqualTo(first.rejected());
    }

    /** 1 to 70 items, each good or hostile with even odds; a hostile item picks every field's case at random. */
    static List<Recipe> feed(Random random) {
        int size = 1 + random.nextInt(70);
        List<Recipe> recipes = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String noise = noise(random);
            if (random.nextBoolean()) {
                recipes.add(Recipe.good(noise));
                continue;
            }
            Guid guid = pick(random, Guid.values());
            Link link = pick(random, Link.values());
            // Every item must stay one distinct article: without a GUID, it gets a specific link of its own.
            Link usable = (guid == Guid.EMPTY || guid == Guid.NULL) && link != Link.GOOD && link != Link.HUGE
                    ? Link.GOOD
                    : link;
            recipes.add(new Recipe(
                    pick(random, Title.values()),
                    guid,
                    usable,
                    pick(random, Authors.values()),
                    pick(random, Categories.values()),
                    pick(random, Ids.values()),
                    pick(random, Summary.values()),
                    pick(random, Tagging.values()),
                    noise));
        }
        return recipes;
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    /** Up to 40 arbitrary UTF-16 code units: controls, lone surrogates and noncharacters included. */
    private static String noise(Random random) {
        char[] chars = new char[random.nextInt(41)];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = random.nextInt(4) == 0 ? (char) random.nextInt(0x20) : (char) random.nextInt(0x10000);
        }
        return new String(chars);
    }

    /** The item a recipe describes; deterministic, so the test can build it again to check what was stored. */
    static NewArticle item(String source, int index, Recipe r) {
        String marker = source + "-" + index;
        String noise = r.noise();
        String title = switch (r.title()) {
            case GOOD -> "HER2 article " + marker;
            case HUGE_WORDS -> ("HER2 trastuzumab " + noise + " ").repeat(400);
            case HUGE_ONE_WORD -> "HER2" + "x".repeat(5000);
            case CONTROL -> "HER2\u0000 \u0001title\u001b " + marker + noise;
            case LONE_SURROGATES -> "HER2 \uD800 title \uDFFF " + marker;
            case MARKUP -> "<script>alert(1)</script><img src=x onerror=alert(1)> HER2 ]]> " + marker;
            case EMPTY -> "  ";
            case NULL -> null;
            case ONLY_NUL -> "\u0000 \u0000";
        };
        String guid = switch (r.guid()) {
            case GOOD -> "guid-" + marker;
            case HUGE -> "urn:guid:" + marker + ":" + "g".repeat(2500) + noise;
            case CONTROL -> "guid\u0000" + marker + "\u0008";
            case LONE_SURROGATE -> "guid-\uD83E-" + marker;
            case EMPTY -> " ";
            case NULL -> null;
        };
        String link = switch (r.link()) {
            case GOOD -> "https://journal.example/articles/" + marker;
            case HUGE -> "https://journal.example/articles/" + marker + "?q=" + "a".repeat(4100);
            case HOME_PAGE -> "https://journal.example/";
            case NOT_A_URL -> "not a url \u0000 " + noise;
            case NULL -> null;
        };
        List<String> authors = switch (r.authors()) {
            case GOOD -> List.of("A. Author", "B. Author");
            case CONSORTIUM -> consortium(300 + Math.abs(noise.hashCode() % 700));
            case HUGE_NAME -> List.of("Name " + "n".repeat(6000), "Other Author");
            case WITH_NULLS -> withNulls(noise);
            case NONE -> List.of();
        };
        List<String> categories = switch (r.categories()) {
            case GOOD -> List.of("Oncology");
            case MANY -> Collections.nCopies(1500, "Breast Neoplasms/drug therapy " + noise);
            case HUGE -> List.of("c".repeat(9000));
        };
        String doi = switch (r.ids()) {
            case GOOD_DOI -> "10.5555/" + marker;
            case HUGE_DOI -> "10.5555/" + marker + "/" + "d".repeat(400);
            case GARBAGE_DOI -> "doi? " + noise + "\u0000";
            default -> null;
        };
        String pmid = switch (r.ids()) {
            case GARBAGE_PMID -> "PMID:" + "9".repeat(30) + noise;
            case GOOD_PMID -> String.valueOf(100_000_000 + FEEDS.get() * 100 + index);
            default -> null;
        };
        String text = switch (r.summary()) {
            case HUGE_TEXT -> ("HER2 text " + noise + " ").repeat(500);
            case CONTROL -> "text\u0000with\u0002controls " + noise;
            case NULL -> null;
            default -> "Summary of " + marker;
        };
        String html = switch (r.summary()) {
            case HUGE_HTML -> "<p>" + "<a href=\"https://x.example/\">HER2</a> ".repeat(6000) + "</p>";
            case CONTROL -> "<p>html\u0000" + noise + "</p>";
            case NULL -> null;
            default -> "<p>Summary of " + marker + "</p>";
        };
        TaggingResult tagging = r.tagging() == Tagging.HUGE_HITS
                ? new TaggingResult(
                        true,
                        Collections.nCopies(3000, new TermHit("trastuzumab " + noise, "summary")),
                        List.of(new TopicTag("adc", "ADC", Collections.nCopies(3000, new TermHit("T-DXd", "title")))))
                : new TaggingResult(true, List.of(new TermHit("HER2", "title")), List.of());
        return new NewArticle(
                source,
                guid,
                link,
                title,
                html,
                text,
                authors,
                categories,
                Instant.parse("2026-01-01T00:00:00Z"),
                doi,
                pmid,
                tagging,
                text,
                "",
                null);
    }

    private static List<String> consortium(int size) {
        List<String> authors = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            authors.add("Consortium Investigator " + i);
        }
        return authors;
    }

    private static List<String> withNulls(String noise) {
        List<String> authors = new ArrayList<>();
        authors.add(null);
        authors.add("");
        authors.add(noise);
        authors.add("\u0000");
        return authors;
    }
}
