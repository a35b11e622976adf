package org.her2feeds.store;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Named values the archive remembers about itself, such as the fingerprint of the rules that tagged it. */
@Component
public class StoreMeta {

    private final JdbcClient jdbc;

    StoreMeta(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> text(String name) {
        return jdbc.sql("SELECT text_value FROM store_meta WHERE name = :name")
                .param("name", name)
                .query(String.class)
                .optional();
    }

    public void setText(String name, String value) {
        int updated = jdbc.sql("UPDATE store_meta SET text_value = :value WHERE name = :name")
                .param("name", name)
                .param("value", value)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO store_meta (name, text_value) VALUES (:name, :value) ON CONFLICT DO NOTHING")
                    .param("name", name)
                    .param("value", value)
                    .update();
        }
    }
}
