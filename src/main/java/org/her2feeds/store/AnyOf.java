package org.her2feeds.store;

import java.util.Collection;
import org.springframework.jdbc.support.SqlArrayValue;

/**
 * A list of values bound as one array parameter, for {@code column = ANY(:values)}, rather than expanded into
 * {@code IN (?, ?, ...)}: the statement's text is then the same whatever the list's length, so H2 (and
 * PostgreSQL's driver) reuse the parsed statement. An expanded list was parsed anew for each length, about 5 % of
 * an uncached digest's request thread. Both databases use the index for {@code = ANY} as for {@code IN}.
 */
final class AnyOf {

    private AnyOf() {}

    static SqlArrayValue strings(Collection<String> values) {
        return new SqlArrayValue("varchar", values.toArray());
    }
}
