package org.her2feeds.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A private schema on the PostgreSQL that CI runs (127.0.0.1:5432, database {@code test}, user {@code postgres},
 * no password; override with HER2_TEST_PG_URL, HER2_TEST_PG_USER, HER2_TEST_PG_PASSWORD). Each test class gets
 * its own schema, created empty and dropped afterwards, so tests never see each other's rows and nothing is left
 * behind in the shared database. Where PostgreSQL is unreachable the test is skipped with a message, unless
 * HER2_REQUIRE_POSTGRES=true (as in CI), where that is a failure.
 */
public final class TestPostgres implements AutoCloseable {

    private static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private final String serverUrl;
    private final String user;
    private final String password;
    private final String schema;

    private TestPostgres(String serverUrl, String user, String password, String schema) {
        this.serverUrl = serverUrl;
        this.user = user;
        this.password = password;
        this.schema = schema;
    }

    /** Creates a fresh schema named after the test, or skips the test when PostgreSQL is not reachable. */
    public static TestPostgres freshSchema(String purpose) {
        String url = env("HER2_TEST_PG_URL", DEFAULT_URL);
        String user = env("HER2_TEST_PG_USER", "postgres");
        String password = env("HER2_TEST_PG_PASSWORD", "");
        String schema = "her2_" + purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_") + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        TestPostgres database = new TestPostgres(url, user, password, schema);
        try (Connection connection = database.connect(url);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            String message = "PostgreSQL at " + url + " (user " + user + ") is not reachable: " + e.getMessage()
                    + ". Start it, or point HER2_TEST_PG_URL/USER/PASSWORD at one.";
            if (Boolean.parseBoolean(System.getenv("HER2_REQUIRE_POSTGRES"))) {
                throw new AssertionError(message + " It is required here (HER2_REQUIRE_POSTGRES=true).", e);
            }
            // Surefire counts a class aborted in @BeforeAll as zero tests and drops the reason: say it here too.
            System.err.println("SKIPPED " + purpose + ": " + message);
            Assumptions.abort(message + " Skipping.");
        }
        return database;
    }

    /** A JDBC URL whose unqualified table names resolve to this schema (Flyway and Quartz included). */
    public String url() {
        return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public String schema() {
        return schema;
    }

    public Connection connect() throws SQLException {
        return connect(url());
    }

    private Connection connect(String url) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "3");
        return DriverManager.getConnection(url, properties);
    }

    @Override
    public void close() throws SQLException {
        try (Connection connection = connect(serverUrl);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
