package org.her2feeds.query;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.her2feeds.sources.SourceKind;

/**
 * The {@code ?kind=}, {@code ?type=}, {@code ?trial=} and {@code ?drug=} parameters every list of articles accepts
 * (feeds, digests, the article list), bound as one object so that each output declares them once. Each takes several
 * values, any of which matches; {@link ReaderFilters} checks them.
 */
public record Selection(
        @Parameter(
                description = "Source kinds, any of them",
                array = @ArraySchema(schema = @Schema(implementation = SourceKind.class)))
        List<String> kind,

        @Parameter(
                description = "Publication types, any of them (see the README's vocabulary)",
                array = @ArraySchema(schema = @Schema(example = "trial-result")))
        List<String> type,

        @Parameter(
                description = "Trials, any of them: a registry id or a curated acronym",
                array = @ArraySchema(schema = @Schema(example = "DESTINY-Breast09")))
        List<String> trial,

        @Parameter(
                description = "HER2-directed drugs, any of them: INN, brand or code",
                array = @ArraySchema(schema = @Schema(example = "trastuzumab deruxtecan")))
        List<String> drug) {

    /** No condition: what outputs without these parameters use. */
    public static final Selection ANY = new Selection(null, null, null, null);
}
