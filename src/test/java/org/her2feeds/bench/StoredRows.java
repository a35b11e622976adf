package org.her2feeds.bench;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.her2feeds.Her2FeedsApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Whether a change to storing stores the same thing: ingests a generated corpus through the stage split's
 * pipeline (parse, clean, tag, saveFeed) on a fresh H2 file with a clock that moves one minute at each reading
 * (so that two runs of the same code write the same times), then writes every row of every table the service owns,
 * one line per row, sorted, so two runs compare with {@code diff} and the order rows were written in is set aside.
 *
 * <p>{@code java -cp ... org.her2feeds.bench.StoredRows <corpus dir> <data dir> <out file> [passes]
 * [table or table.column to leave out, ...]}: the corpus as the benchmark generates it ({@code target/bench-corpus}),
 * passes over it (2 by default: the second finds every item stored), and what one side does not have or what
 * another thread empties meanwhile ({@code search_pending}, drained by the search index). With
 * {@code -Dstoredrows.reset=true} each pass after the first starts as the benchmark's passes do
 * ({@link PipelineBench#reset()}: the corpus's articles deleted, with their members, the story rows left), so that
 * every article arrives again and takes up the story named after it.
 */
public final class StoredRows {

    private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");

    private StoredRows() {}

    /**
     * A clock each reading of which is one minute after the last: the same readings give the same times. Given to
     * the application as a source, not annotated: component scanning would put it into every test's context.
     */
    static class SteppingClock {
        @Bean
        @Primary
        Clock steppingClock() {
            AtomicLong readings = new AtomicLong();
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return START.plusSeconds(60 * readings.getAndIncrement());
                }
            };
        }
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        Path data = Path.of(args[1]);
        Path out = Path.of(args[2]);
        int passes = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        Set<String> leftOut = new TreeSet<>();
        for (int i = 4; i < args.length; i++) {
            leftOut.add(args[i].toLowerCase());
        }
        Map<String, Object> properties = BenchContext.properties(corpus.resolve("sources.yml"), data);
        String[] arguments = properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(
                        Her2FeedsApplication.class, SteppingClock.class)
                .web(WebApplicationType.NONE)
                .run(arguments)) {
            StageSplit stages = new StageSplit(context);
            for (int pass = 0; pass < passes; pass++) {
                if (pass > 0 && Boolean.getBoolean("storedrows.reset")) {
                    // As the benchmark's passes start: the articles gone, the story rows left.
                    reset(context.getBean(DataSource.class));
                }
                System.out.println("pass " + (pass + 1) + ": " + StageSplit.describe(stages.run()));
            }
            int rows = write(context.getBean(DataSource.class), out, leftOut);
            System.out.println(rows + " rows written to " + out);
        }
    }

    private static void reset(DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM article_source WHERE source_id LIKE 'feed-%'");
            statement.executeUpdate("DELETE FROM article WHERE owner_source LIKE 'feed-%'");
            statement.executeUpdate("DELETE FROM source_item WHERE source_id LIKE 'feed-%'");
            statement.executeUpdate("DELETE FROM source_feed");
            statement.executeUpdate("DELETE FROM source_state");
        }
    }

    private static int write(DataSource dataSource, Path out, Set<String> leftOut) throws Exception {
        List<String> lines = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("SELECT table_name FROM information_schema.tables WHERE "
                    + "table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name")) {
                while (rs.next()) {
                    String table = rs.getString(1).toLowerCase();
                    if (!table.startsWith("qrtz_")
                            && !table.equals("flyway_schema_history")
                            && !leftOut.contains(table)) {
                        tables.add(table);
                    }
                }
            }
            for (String table : tables) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder line = new StringBuilder(table);
                        for (int c = 1; c <= meta.getColumnCount(); c++) {
                            String column = meta.getColumnLabel(c).toLowerCase();
                            if (!leftOut.contains(table + "." + column)) {
                                line.append(" | ").append(column).append('=').append(rs.getString(c));
                            }
                        }
                        rows.add(line.toString());
                    }
                }
                rows.sort(null);
                lines.add("# " + table + ": " + rows.size() + " rows");
                lines.addAll(rows);
            }
        }
        try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            lines.forEach(writer::println);
        }
        return lines.size();
    }
}
