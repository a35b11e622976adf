package org.her2feeds.http;

import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * The request observation ({@code http.server.requests}) as Spring Boot registers it, with the observation convention
 * {@link CachedPollMetrics} tags polls answered from the cache with ({@link CachedAnswerValve}, before any filter):
 * those are recorded in the same timer, without an observation of their own. Boot's registration steps aside for this
 * one (it is conditional on no other filter of this type).
 */
@Configuration(proxyBeanMethods = false)
class RequestObservationFilter {

    /** After the security headers (highest precedence). */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 1;

    @Bean
    FilterRegistrationBean<ServerHttpObservationFilter> requestObservation(
            ObjectProvider<ObservationRegistry> observations, CachedPollMetrics metrics) {
        FilterRegistrationBean<ServerHttpObservationFilter> registration =
                new FilterRegistrationBean<>(new ServerHttpObservationFilter(
                        observations.getIfAvailable(() -> ObservationRegistry.NOOP), metrics.convention()));
        registration.setOrder(ORDER);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
        return registration;
    }
}
