package org.her2feeds.tagging;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a bad topics file at start-up into one message naming the file, the line and the problem. */
class TopicRulesFailureAnalyzer extends AbstractFailureAnalyzer<TopicRulesException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, TopicRulesException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Correct the topic rules (her2.topics-file; term syntax at the top of config/topics.yml) and start "
                        + "again.",
                cause);
    }
}
