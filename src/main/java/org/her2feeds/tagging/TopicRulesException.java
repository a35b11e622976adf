package org.her2feeds.tagging;

/**
 * The rules file cannot be used. The message names the file, the line when known, and the problem, e.g.
 * {@code config/topics.yml line 42: topic 'adc': unknown key 'term'}, so an operator can fix it without
 * reading code.
 */
public class TopicRulesException extends IllegalStateException {

    TopicRulesException(String message) {
        super(message);
    }

    TopicRulesException(String message, Throwable cause) {
        super(message, cause);
    }
}
