package org.her2feeds.http;

import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationProperties;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.http.server.observation.ServerRequestObservationConvention;
import org.springframework.stereotype.Component;

/**
 * Counts and times polls answered from the render cache in {@code http.server.requests}, in the very timer the
 * request observation ({@link RequestObservationFilter}) records a render of the same route, method and status in.
 * The tags come from the same observation convention and the meter observation handler's {@code error} tag, worked
 * out once per route, method and status; after that a poll costs a map lookup and {@link Timer#record}, where a full
 * observation (context, key values sorted per request, timer looked up by its tags) cost a cached poll about a fifth
 * of its CPU. Observation handlers other than the meter's (tracing, none here) do not see cached polls.
 */
@Component
class CachedPollMetrics {

    private record Key(String route, String method, int status) {}

    private final ServerRequestObservationConvention convention;
    private final MeterRegistry registry;
    private final Map<Key, Timer> timers = new ConcurrentHashMap<>();

    CachedPollMetrics(
            ObjectProvider<ServerRequestObservationConvention> custom,
            ObjectProvider<ObservationProperties> properties,
            ObjectProvider<MeterRegistry> registry) {
        // What Boot's own request observation filter uses, which RequestObservationFilter replaces.
        this.convention = custom.getIfAvailable(() -> new DefaultServerRequestObservationConvention(properties
                .getIfAvailable(ObservationProperties::new)
                .getHttp()
                .getServer()
                .getRequests()
                .getName()));
        // Absent only in test slices without metrics: nothing is recorded then.
        this.registry = registry.getIfAvailable();
    }

    /** The convention of request observations, for the observation filter: one decision for both paths. */
    ServerRequestObservationConvention convention() {
        return convention;
    }

    /**
     * Records a response sent from the cache for the route, begun at {@code startNanos} ({@link System#nanoTime});
     * the method as read once by the caller (Tomcat decodes it anew on every {@code getMethod}).
     */
    void record(
            HttpServletRequest request, HttpServletResponse response, String method, String route, long startNanos) {
        if (registry == null) {
            return;
        }
        Timer timer = timers.computeIfAbsent(
                new Key(route, method, response.getStatus()), key -> timer(request, response, route, null));
        timer.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    /** Records a cached poll that failed (the client went away mid-body, say), tagged with its error as MVC would. */
    void recordFailure(
            HttpServletRequest request, HttpServletResponse response, String route, long startNanos, Throwable error) {
        if (registry != null) {
            timer(request, response, route, error).record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
        }
    }

    private Timer timer(HttpServletRequest request, HttpServletResponse response, String route, Throwable error) {
        ServerRequestObservationContext context = new ServerRequestObservationContext(request, response);
        context.setPathPattern(route);
        context.setError(error);
        List<Tag> tags = new ArrayList<>();
        for (KeyValue keyValue : convention.getLowCardinalityKeyValues(context)) {
            tags.add(Tag.of(keyValue.getKey(), keyValue.getValue()));
        }
        // DefaultMeterObservationHandler adds this one to every timer it records.
        tags.add(Tag.of("error", error == null ? "none" : error.getClass().getSimpleName()));
        return registry.timer(convention.getName(), tags);
    }
}
