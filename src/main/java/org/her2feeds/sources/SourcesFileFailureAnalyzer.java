package org.her2feeds.sources;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a bad sources file at start-up into one message naming the file, the entry and the problem. */
class SourcesFileFailureAnalyzer extends AbstractFailureAnalyzer<SourcesFileException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SourcesFileException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Correct the sources file (her2.sources-file; format in the README, \"Sources\") and start again.",
                cause);
    }
}
