package org.her2feeds.store;

import java.util.List;
import java.util.Set;
import org.her2feeds.tagging.StoryProfile;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * A member's story profile as its row stores it (JSON). The profile's sets iterate in the JVM's hash order, which
 * differs with how each set was built; written as they iterate, the same profile was stored as different bytes from
 * one run to the next. Written sorted, the same profile is always the same bytes, so exports of two runs compare
 * with {@code diff}. Read back, the arrays become sets again: the order they were written in does not count.
 */
final class StoredProfiles {

    private final JsonMapper json;

    StoredProfiles(JsonMapper json) {
        // Every set of a profile holds strings (ids, words, keys), so each is written as its strings sorted.
        this.json = json.rebuild()
                .addModule(new SimpleModule("sorted-sets").addSerializer(new SortedStrings()))
                .build();
    }

    String write(StoryProfile profile) {
        return json.writeValueAsString(profile);
    }

    StoryProfile read(String stored) {
        return json.readValue(stored, StoryProfile.class);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final class SortedStrings extends StdSerializer<Set> {

        SortedStrings() {
            super(Set.class);
        }

        @Override
        public void serialize(Set value, JsonGenerator gen, SerializationContext context) {
            List<String> sorted = ((Set<String>) value).stream().sorted().toList();
            gen.writeStartArray(value, sorted.size());
            for (String each : sorted) {
                gen.writeString(each);
            }
            gen.writeEndArray();
        }
    }
}
