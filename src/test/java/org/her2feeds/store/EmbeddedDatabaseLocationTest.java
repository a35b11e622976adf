package org.her2feeds.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded database as the service opens it when no URL is configured. */
class EmbeddedDatabaseLocationTest {

    @Test
    void theFileLivesInTheDataFolderAndIsNotKeptNineTenthsFullWhileWritesGoOn(@TempDir Path dir) throws SQLException {
        String url = EmbeddedDatabaseLocation.h2Url(dir.resolve("data").toString());

        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            assertThat(setting(c, "AUTO_COMPACT_FILL_RATE")).isEqualTo("50");
            assertThat(setting(c, "MODE")).isEqualTo("PostgreSQL");
        }
        assertThat(dir.resolve("data/her2.mv.db")).exists();
    }

    private static String setting(Connection c, String name) throws SQLException {
        try (var statement =
                c.prepareStatement("SELECT setting_value FROM information_schema.settings WHERE setting_name = ?")) {
            statement.setString(1, name);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
