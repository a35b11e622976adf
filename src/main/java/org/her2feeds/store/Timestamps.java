package org.her2feeds.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The one conversion between {@link Instant}s and {@code TIMESTAMP WITH TIME ZONE} columns: the store reads and
 * binds Instants only through here. Through {@link OffsetDateTime} in UTC, because that is the type both H2 and
 * the PostgreSQL driver map such columns to.
 */
final class Timestamps {

    private Timestamps() {}

    /** The value to bind for an instant (null stays null). */
    static OffsetDateTime of(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant read(ResultSet rs, String column) throws SQLException {
        return instant(rs.getObject(column, OffsetDateTime.class));
    }

    static Instant read(ResultSet rs, int column) throws SQLException {
        return instant(rs.getObject(column, OffsetDateTime.class));
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
