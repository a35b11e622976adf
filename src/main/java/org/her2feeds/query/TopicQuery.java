package org.her2feeds.query;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The {@code ?topic=} parameter of the outputs that span topics (the merged feed, the digests, the article list),
 * declared once; {@link ReaderFilters#topics} checks it.
 */
public record TopicQuery(
        @Parameter(
                description = "Topic slugs, any of them (comma-separated or repeated); see /api/topics",
                array = @ArraySchema(schema = @Schema(example = "adc")))
        List<String> topic) {}
