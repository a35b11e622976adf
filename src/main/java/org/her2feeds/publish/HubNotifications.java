package org.her2feeds.publish;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Sends the WebSub hub its publish notifications: one form-encoded {@code hub.mode=publish&hub.url=<topic>} POST per
 * changed feed URL (what every common hub accepts; some take only one {@code hub.url} per request). Any 2xx is
 * success. A round sends every notification not yet taken; the round is repeated after a wait that doubles, up to
 * {@code her2.publish.websub.attempts} rounds (Spring's {@link RetryTemplate}), and what is still not taken then is
 * logged with the hub's URL and dropped: a hub that is down costs the next change nothing. A round ends at the first
 * hub that cannot be reached, so a hub that hangs costs one timeout per round, not one per feed.
 */
@Component
class HubNotifications {

    private static final Logger log = LoggerFactory.getLogger(HubNotifications.class);

    private final WebSubProperties properties;
    private final RestClient client;
    private final RetryTemplate retries;

    HubNotifications(WebSubProperties properties) {
        this.properties = properties;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
        requests.setReadTimeout(properties.timeout());
        this.client = RestClient.builder().requestFactory(requests).build();
        this.retries = new RetryTemplate(RetryPolicy.builder()
                .maxRetries(properties.attempts() - 1)
                .delay(properties.retryDelay())
                .multiplier(2)
                .maxDelay(properties.retryDelay().multipliedBy(1L << Math.min(properties.attempts(), 10)))
                .build());
    }

    /** Tells the hub that the feeds at these URLs changed; returns when it took them all or the attempts ran out. */
    void publish(List<String> topicUrls) {
        if (topicUrls.isEmpty()) {
            return;
        }
        List<String> pending = new ArrayList<>(topicUrls);
        try {
            retries.execute(() -> {
                RestClientException failure = sendRound(pending);
                if (failure != null) {
                    throw failure;
                }
                return null;
            });
            log.info("WebSub hub {} notified of {} changed feeds", properties.hub(), topicUrls.size());
        } catch (RetryException e) {
            log.warn(
                    "WebSub hub {} was not notified of {} changed feeds after {} attempts ({}): {}",
                    properties.hub(),
                    pending.size(),
                    properties.attempts(),
                    NestedExceptionUtils.getMostSpecificCause(e.getLastException()),
                    pending);
        }
    }

    /** Sends each pending notification, removing those the hub took; returns the last failure, or null for none. */
    private RestClientException sendRound(List<String> pending) {
        RestClientException failure = null;
        for (Iterator<String> topics = pending.iterator(); topics.hasNext(); ) {
            String topic = topics.next();
            MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
            form.add("hub.mode", "publish");
            form.add("hub.url", topic);
            try {
                client.post()
                        .uri(properties.hub())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .body(form)
                        .retrieve()
                        .toBodilessEntity();
                topics.remove();
            } catch (ResourceAccessException unreachable) {
                return unreachable;
            } catch (RestClientException refused) {
                failure = refused;
            }
        }
        return failure;
    }
}
