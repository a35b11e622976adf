package org.her2feeds.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;
import org.her2feeds.tagging.Evidence;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Search on the embedded database: a Lucene index of the published articles' titles and summaries in the data
 * folder, read with Lucene's English analyzer (stop words, Porter stemming; tokens with digits such as HER2 or
 * DS-8201 pass unstemmed). Lucene was chosen over H2's own full-text indexes on the benchmark (README, "Search").
 *
 * <p>The index follows the database through {@code search_pending}, which {@link SearchPendingTrigger} fills in
 * the writing transaction: before each search, and at start-up, the notes are taken in and removed, so a search
 * sees every committed write and a crash loses none.
 *
 * <p>The score is the same for an article whatever else the index holds (unlike BM25, whose weights move as
 * articles arrive), so a page's cursor stays a valid place in the order: each word found in the title counts 2,
 * in the summary 1.
 */
final class LuceneSearch implements SearchEngine, AutoCloseable {

    private static final int CHUNK = 5000;
    /**
     * How many ids one read of the database names: H2 tests each row it finds against every parameter of an
     * {@code IN} list in turn, so a read naming all of a chunk's 5,000 ids cost 5,000 comparisons per row (a rebuild
     * of 200,000 published articles took minutes of that); a slice this size costs a twentieth.
     */
    private static final int SLICE = 250;
    /**
     * The shape of the documents; an index of another shape is rebuilt (see {@link #rebuild}). 4: sorted newest
     * first, with each article's topics, evidence keys and sources. 5: the id also as plain bytes ({@link #ID_BYTES}).
     */
    private static final String FORMAT = "5";
    /**
     * The id as doc values a search reads back for each of its matches. The sorted values of "id" (which the index's
     * order needs) keep their terms in compressed blocks: reading a thousand matches' ids from them decompressed a
     * block each, half of the CPU time of a search at 1,000,000 articles (JFR). Binary values are read in place.
     */
    private static final String ID_BYTES = "id_bytes";
    /**
     * The order of the documents in the index, newest first: the newest matches are the first ones found, so a
     * search stops after {@code depth} matches in each segment instead of sorting every match of a common word.
     */
    private static final Sort NEWEST_FIRST = new Sort(
            new SortField("sort_at", SortField.Type.LONG, true), new SortField("id", SortField.Type.STRING, true));
    /**
     * What a search sorts by: the date alone, a prefix of the index's order, so the early stop holds. Sorting by the
     * id too cost ten times more (comparing strings across segments; 13-25 ms against 1-3 ms for 7,000 matches).
     */
    private static final Sort BY_DATE = new Sort(new SortField("sort_at", SortField.Type.LONG, true));
    /** How long a catch-up waits for another instance on the same data folder (tests start several) to finish its. */
    private static final long WRITER_WAIT_MILLIS = 30_000;

    private final JdbcClient jdbc;
    private final Analyzer analyzer = new EnglishAnalyzer();
    private final Directory directory;
    private final SearcherManager searchers;
    private final ReentrantLock catchingUp = new ReentrantLock();

    LuceneSearch(JdbcClient jdbc, Path folder) {
        this.jdbc = jdbc;
        try {
            directory = FSDirectory.open(folder);
            if (!current()) {
                rebuild();
            }
            catchUp();
            searchers = new SearcherManager(directory, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index in " + folder, e);
        }
    }

    /** Whether the folder holds an index in this class's format (a missing or older one is built anew). */
    private boolean current() throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return false;
        }
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            return FORMAT.equals(reader.getIndexCommit().getUserData().get("format"));
        }
    }

    /**
     * Empties the index and notes every published article for the catch-up that follows: the first start after
     * an upgrade, or after the folder was lost, indexes the archive from the database, which stays the truth.
     */
    private void rebuild() throws IOException {
        // CREATE: an index of an older format may be sorted otherwise, which a writer appending to it refuses.
        write(IndexWriterConfig.OpenMode.CREATE, writer -> {
            writer.deleteAll();
            writer.setLiveCommitData(Map.of("format", FORMAT).entrySet());
            writer.commit();
        });
        jdbc.sql("DELETE FROM search_pending").update();
        jdbc.sql("INSERT INTO search_pending (article_id) SELECT id FROM article WHERE relevant = TRUE")
                .update();
    }

    private interface Writing {
        void to(IndexWriter writer) throws IOException;
    }

    /**
     * Writes with a writer of its own, closed at once: the writer's lock is held only while writing, so several
     * instances of the service on one embedded database (in tests) share the index instead of failing to start.
     */
    private void write(IndexWriterConfig.OpenMode mode, Writing writing) throws IOException {
        long deadline = System.currentTimeMillis() + WRITER_WAIT_MILLIS;
        while (true) {
            try (IndexWriter writer = new IndexWriter(
                    directory, new IndexWriterConfig(analyzer).setOpenMode(mode).setIndexSort(NEWEST_FIRST))) {
                writing.to(writer);
                return;
            } catch (LockObtainFailedException busy) {
                if (System.currentTimeMillis() > deadline) {
                    throw busy;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw busy;
                }
            }
        }
    }

    @Override
    public List<SearchHit> matches(String words, ArticleFilter filter, int depth) {
        catchUp();
        try {
            // Sees this instance's catch-up and any other instance's on the same folder.
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("the search index could not be read", e);
        }
        List<String> terms = terms(words);
        if (terms.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String term : terms) {
            query.add(
                    new BooleanQuery.Builder()
                            .add(boosted("title", term, 2f), BooleanClause.Occur.SHOULD)
                            .add(boosted("summary", term, 1f), BooleanClause.Occur.SHOULD)
                            .build(),
                    BooleanClause.Occur.MUST);
        }
        if (filter.since() != null) {
            query.add(
                    LongPoint.newRangeQuery("sort_at", micros(filter.since()), Long.MAX_VALUE),
                    BooleanClause.Occur.FILTER);
        }
        anyOf(query, "topic", filter.topics());
        anyOf(query, "entity", keys(Evidence.TYPE, filter.evidence().types()));
        anyOf(query, "entity", keys(Evidence.TRIAL, filter.evidence().trials()));
        anyOf(query, "entity", keys(Evidence.DRUG, filter.evidence().drugs()));
        if (filter.sourceIds() != null) {
            if (filter.sourceIds().isEmpty()) {
                return List.of();
            }
            anyOf(query, "source", filter.sourceIds());
        }
        // The index holds exactly the published articles, current as of the catch-up above, with their dates,
        // topics, evidence and sources.
        return newest(query.build(), depth);
    }

    /** Requires one of the values in the field (none required when there are none). */
    private static void anyOf(BooleanQuery.Builder query, String field, Set<String> values) {
        if (values.isEmpty()) {
            return;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        values.forEach(value -> any.add(new TermQuery(new Term(field, value)), BooleanClause.Occur.SHOULD));
        query.add(any.build(), BooleanClause.Occur.FILTER);
    }

    private static Set<String> keys(String kind, Set<String> keys) {
        Set<String> terms = new LinkedHashSet<>();
        keys.forEach(key -> terms.add(kind + ':' + key));
        return terms;
    }

    private static Query boosted(String field, String term, float boost) {
        return new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(field, term))), boost);
    }

    /**
     * The newest {@code depth} matches, with their scores, dated from the index (what the database holds). The index
     * is in this order, so each segment stops after {@code depth} matches and only those are scored.
     */
    private List<SearchHit> newest(Query query, int depth) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                ScoreDoc[] found = searcher.search(query, depth, BY_DATE, true).scoreDocs;
                List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
                BinaryDocValues[] ids = new BinaryDocValues[leaves.size()];
                List<SearchHit> hits = new ArrayList<>();
                for (ScoreDoc doc : found) {
                    FieldDoc sorted = (FieldDoc) doc;
                    hits.add(new SearchHit(id(leaves, ids, doc.doc), instant((Long) sorted.fields[0]), doc.score));
                }
                return hits;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the search index could not be read", e);
        }
    }

    /**
     * An article's id from its binary doc values ({@link #ID_BYTES}), not the stored fields: a stored document is read
     * by decompressing its whole block, which for a thousand matches cost more than the search. Within a segment the
     * matches come in the index's order (newest first), so each segment's values are read forward, as they must be.
     */
    private static String id(List<LeafReaderContext> leaves, BinaryDocValues[] ids, int doc) throws IOException {
        int leaf = ReaderUtil.subIndex(doc, leaves);
        LeafReaderContext context = leaves.get(leaf);
        int target = doc - context.docBase;
        if (ids[leaf] == null || ids[leaf].docID() > target) {
            ids[leaf] = DocValues.getBinary(context.reader(), ID_BYTES);
        }
        if (!ids[leaf].advanceExact(target)) {
            throw new IllegalStateException("an indexed article without an id");
        }
        return ids[leaf].binaryValue().utf8ToString();
    }

    /** Dates in microseconds, the precision of the database's timestamps, so the index orders as it does. */
    private static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
    }

    /** The distinct terms of the reader's words, as the index holds them. */
    private List<String> terms(String words) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream tokens = analyzer.tokenStream("title", words)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                terms.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(terms);
    }

    /** Takes in every article noted in {@code search_pending}, commits the index, then removes those notes. */
    @Override
    public void catchUp() {
        catchingUp.lock();
        try {
            while (true) {
                List<long[]> seqs = new ArrayList<>();
                Set<String> ids = new LinkedHashSet<>();
                jdbc.sql("SELECT seq, article_id FROM search_pending ORDER BY seq FETCH FIRST " + CHUNK + " ROWS ONLY")
                        .query(rs -> {
                            seqs.add(new long[] {rs.getLong(1)});
                            ids.add(rs.getString(2));
                        });
                if (seqs.isEmpty()) {
                    return;
                }
                write(IndexWriterConfig.OpenMode.CREATE_OR_APPEND, writer -> {
                    index(writer, ids);
                    writer.setLiveCommitData(Map.of("format", FORMAT).entrySet());
                    writer.commit();
                });
                // Exactly the notes taken in: a note written meanwhile by another transaction stays for next time.
                inSlices(
                        seqs.stream().map(s -> s[0]).toList(),
                        slice -> jdbc.sql("DELETE FROM search_pending WHERE seq IN (:seqs)")
                                .param("seqs", slice)
                                .update());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the search index could not be updated", e);
        } finally {
            catchingUp.unlock();
        }
    }

    private void index(IndexWriter writer, Set<String> ids) throws IOException {
        Set<String> published = new LinkedHashSet<>();
        List<Document> documents = new ArrayList<>();
        inSlices(
                List.copyOf(ids),
                slice -> jdbc.sql("SELECT id, title, summary_text, sort_at FROM article"
                                + " WHERE relevant = TRUE AND id IN (:ids)")
                        .param("ids", slice)
                        .query(rs -> {
                            String id = rs.getString(1);
                            published.add(id);
                            documents.add(document(id, rs.getString(2), rs.getString(3), Timestamps.read(rs, 4)));
                        }));
        Map<String, Document> byId = new HashMap<>();
        documents.forEach(document -> byId.put(document.get("id"), document));
        inSlices(List.copyOf(published), slice -> {
            // Written with the tagging, in its transaction (TaggingIndex), which notes the article here.
            jdbc.sql("SELECT article_id, slug FROM article_topic WHERE article_id IN (:ids)")
                    .param("ids", slice)
                    .query(rs -> {
                        byId.get(rs.getString(1)).add(new StringField("topic", rs.getString(2), Field.Store.NO));
                    });
            jdbc.sql("SELECT article_id, kind, entity FROM article_entity WHERE article_id IN (:ids)")
                    .param("ids", slice)
                    .query(rs -> {
                        byId.get(rs.getString(1))
                                .add(new StringField(
                                        "entity", rs.getString(2) + ':' + rs.getString(3), Field.Store.NO));
                    });
            // Noted here by the trigger on article_source when another feed carries the article (migration V13).
            jdbc.sql("SELECT article_id, source_id FROM article_source WHERE article_id IN (:ids)")
                    .param("ids", slice)
                    .query(rs -> {
                        byId.get(rs.getString(1)).add(new StringField("source", rs.getString(2), Field.Store.NO));
                    });
        });
        for (Document document : documents) {
            writer.updateDocument(new Term("id", document.get("id")), document);
        }
        for (String id : ids) {
            if (!published.contains(id)) {
                writer.deleteDocuments(new Term("id", id));
            }
        }
    }

    private static <T> void inSlices(List<T> values, Consumer<List<T>> read) {
        for (int from = 0; from < values.size(); from += SLICE) {
            read.accept(values.subList(from, Math.min(values.size(), from + SLICE)));
        }
    }

    private static Document document(String id, String title, String summary, Instant sortAt) {
        Document document = new Document();
        document.add(new StringField("id", id, Field.Store.YES));
        document.add(new SortedDocValuesField("id", new BytesRef(id)));
        document.add(new BinaryDocValuesField(ID_BYTES, new BytesRef(id)));
        document.add(new TextField("title", title, Field.Store.NO));
        document.add(new TextField("summary", summary, Field.Store.NO));
        long micros = micros(sortAt);
        document.add(new LongPoint("sort_at", micros));
        document.add(new NumericDocValuesField("sort_at", micros));
        return document;
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        directory.close();
    }
}
