package org.her2feeds.store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A real database's pool that counts the statements prepared through it, so a test can tell how many round trips
 * a read makes (the counts, never the time).
 */
final class StatementCount extends DelegatingDataSource {

    private static final Set<String> STATEMENTS = Set.of("prepareStatement", "createStatement", "prepareCall");

    private final AtomicInteger prepared = new AtomicInteger();

    StatementCount(DataSource pool) {
        super(pool);
    }

    /** How many statements were prepared since the last call, which starts counting again. */
    int take() {
        return prepared.getAndSet(0);
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = super.getConnection();
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (STATEMENTS.contains(method.getName())) {
                        prepared.incrementAndGet();
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
