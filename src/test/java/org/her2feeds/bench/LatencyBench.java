package org.her2feeds.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/** Sequential requests (one at a time, so the figure is the server's latency, not queueing on two cores). */
final class LatencyBench {

    record Latency(String name, int requests, double p50, double p99, double max, long bytes) {
        String row() {
            return String.format(
                    Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %,d |", name, requests, p50, p99, max, bytes);
        }
    }

    interface Call {
        long run(int i) throws Exception;
    }

    private final HttpClient http = HttpClient.newHttpClient();

    Latency http(String name, int warmups, int requests, IntFunction<String> url) throws Exception {
        return measure(name, warmups, requests, i -> {
            HttpResponse<byte[]> response = http.send(
                    HttpRequest.newBuilder(URI.create(url.apply(i))).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url.apply(i) + " answered " + response.statusCode());
            }
            return response.body().length;
        });
    }

    static Latency measure(String name, int warmups, int requests, Call call) throws Exception {
        for (int i = 0; i < warmups; i++) {
            call.run(i);
        }
        List<Double> millis = new ArrayList<>(requests);
        long bytes = 0;
        for (int i = 0; i < requests; i++) {
            long t = System.nanoTime();
            bytes = call.run(warmups + i);
            millis.add((System.nanoTime() - t) / 1e6);
        }
        millis.sort(null);
        Latency latency = new Latency(
                name,
                requests,
                percentile(millis, 0.50),
                percentile(millis, 0.99),
                millis.get(millis.size() - 1),
                bytes);
        System.out.println("  " + latency.row());
        return latency;
    }

    private static double percentile(List<Double> sorted, double p) {
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
