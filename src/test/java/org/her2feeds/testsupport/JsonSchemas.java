package org.her2feeds.testsupport;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** JSON Schema 2020-12 checks, with formats (date, date-time, uri) asserted, not only annotated. */
public final class JsonSchemas {

    private JsonSchemas() {}

    /** The schema given as text. */
    public static Schema of(String schema) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(com.networknt.schema.SchemaRegistryConfig.builder()
                        .formatAssertionsEnabled(true)
                        .build()));
        return registry.getSchema(schema);
    }

    /** What the document breaks of the schema, one line each; empty when it conforms. */
    public static List<String> problems(Schema schema, JsonNode document) {
        return schema.validate(document).stream().map(Error::toString).toList();
    }
}
