package org.her2feeds.bench;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What feed readers and the portal cost the service, side by side with nginx serving the same bytes as files, in one
 * run: {@code /feed.xml} plain, gzip (nginx from a precompressed file with {@code gzip_static}) and 304 on
 * {@code If-None-Match} (with {@code Accept-Encoding: gzip}, as readers send it), each over the same number of
 * keep-alive connections from {@link LoadClient}. nginx is started here, on a free port, with a configuration written
 * under target/; without an {@code nginx} binary its column is left out and the reason printed.
 */
final class ServingBench {

    /** Goals of issue 12, service ÷ nginx, by scenario. */
    private static final Map<String, Double> GOALS = Map.of("gzip 200", 0.8, "304", 0.7, "plain 200", 0.5);

    private static final double P99_GOAL_MS = 20;

    /** Warm-up: rounds of every scenario, this long each, until JIT compilation takes under this share of a round. */
    private static final double WARMUP_ROUND_SECONDS = 2;

    private static final double SETTLED_JIT_SHARE = 0.05;
    private static final int MAX_WARMUP_ROUNDS = 15;

    record Scenario(String name, String figure, Map<String, String> serviceHeaders, int status) {}

    private final Path work;
    private final int connections;
    private final double warmupSeconds;
    private final double seconds;
    private final Map<String, Double> figures;

    ServingBench(Path work, int connections, double warmupSeconds, double seconds, Map<String, Double> figures) {
        this.work = work;
        this.connections = connections;
        this.warmupSeconds = warmupSeconds;
        this.seconds = seconds;
        this.figures = figures;
    }

    List<String> run(int servicePort) throws Exception {
        String path = "/feed.xml";
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create("http://127.0.0.1:" + servicePort + path);
        HttpResponse<byte[]> plain =
                http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> gzip = http.send(
                HttpRequest.newBuilder(uri).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        String serviceEtag = gzip.headers().firstValue("ETag").orElseThrow();
        Path www = work.resolve("www");
        Files.createDirectories(www);
        Files.write(www.resolve("feed.xml"), plain.body());
        Files.write(www.resolve("feed.xml.gz"), gzip.body());
        // gzip_static serves the .gz only when it is not older than the file itself.
        Files.setLastModifiedTime(www.resolve("feed.xml.gz"), Files.getLastModifiedTime(www.resolve("feed.xml")));
        System.out.printf(
                Locale.ROOT,
                "Serving: /feed.xml %,d bytes, gzip %,d bytes; %d connections, %.0f s warm-up + %.0f s per run%n",
                plain.body().length,
                gzip.body().length,
                connections,
                warmupSeconds,
                seconds);

        LoadClient service = new LoadClient("127.0.0.1", servicePort);
        Map<String, Integer> bytes = Map.of("plain 200", plain.body().length, "gzip 200", gzip.body().length, "304", 0);
        List<Scenario> scenarios = List.of(
                new Scenario("gzip 200", "gzip", Map.of("Accept-Encoding", "gzip"), 200),
                new Scenario(
                        "304", "not_modified", Map.of("Accept-Encoding", "gzip", "If-None-Match", serviceEtag), 304),
                new Scenario("plain 200", "plain", Map.of(), 200));
        // A fresh JVM compiles its hot paths during the first seconds of load, and on cores shared with other work the
        // compiler threads get little time: a fixed warm-up left the first scenario measured (whichever it was) at
        // about half its rate, still partly interpreted. Every path is warmed until the JIT has settled instead.
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        int rounds = 0;
        long compiling;
        do {
            long before = jit.getTotalCompilationTime();
            long started = System.nanoTime();
            for (Scenario s : scenarios) {
                service.run(
                        s.name(),
                        path,
                        s.serviceHeaders(),
                        s.status(),
                        bytes.get(s.name()),
                        connections,
                        0,
                        WARMUP_ROUND_SECONDS);
            }
            rounds++;
            compiling = jit.getTotalCompilationTime() - before;
            System.out.printf(
                    Locale.ROOT,
                    "  warm-up round %d: %d ms of JIT compilation in %.1f s%n",
                    rounds,
                    compiling,
                    (System.nanoTime() - started) / 1e9);
        } while (rounds < MAX_WARMUP_ROUNDS
                && compiling > SETTLED_JIT_SHARE * scenarios.size() * WARMUP_ROUND_SECONDS * 1000);

        Nginx nginx = Nginx.start(work.resolve("nginx"), www);
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                Locale.ROOT,
                "## Serving /feed.xml (%,d bytes, %,d gzip), service beside nginx %s; %d keep-alive connections, "
                        + "%.0f s each after %.0f s warm-up; load generator on the same 2 cores%n",
                plain.body().length,
                gzip.body().length,
                nginx == null ? "(absent)" : nginx.version,
                connections,
                seconds,
                warmupSeconds));
        lines.add("| scenario | service req/s | nginx req/s | service ÷ nginx | goal | service p50 / p99 ms | "
                + "nginx p50 / p99 ms | CPU µs per request, service / nginx |");
        lines.add("|---|---:|---:|---:|---:|---:|---:|---:|");
        try {
            for (Scenario s : scenarios) {
                long serviceCpu = ServerCpu.tomcatNanos();
                long serviceAllocated = ServerCpu.tomcatAllocatedBytes();
                LoadClient.Result mine = service.run(
                        s.name(),
                        path,
                        s.serviceHeaders(),
                        s.status(),
                        bytes.get(s.name()),
                        connections,
                        warmupSeconds,
                        seconds);
                double serviceMicros = (ServerCpu.tomcatNanos() - serviceCpu) / 1e3 / mine.allRequests();
                double serviceBytes =
                        (ServerCpu.tomcatAllocatedBytes() - serviceAllocated) / (double) mine.allRequests();
                System.out.printf(Locale.ROOT, "  service allocates %,.0f bytes per request%n", serviceBytes);
                print("service", mine, serviceMicros);
                LoadClient.Result theirs = null;
                double nginxMicros = Double.NaN;
                if (nginx != null) {
                    Map<String, String> headers = new LinkedHashMap<>(s.serviceHeaders());
                    if (headers.containsKey("If-None-Match")) {
                        headers.put("If-None-Match", nginx.etag(path, true));
                    }
                    long nginxCpu = ServerCpu.processTreeNanos(nginx.process.toHandle());
                    theirs = new LoadClient("127.0.0.1", nginx.port)
                            .run(
                                    s.name(),
                                    path,
                                    headers,
                                    s.status(),
                                    bytes.get(s.name()),
                                    connections,
                                    warmupSeconds,
                                    seconds);
                    nginxMicros = (ServerCpu.processTreeNanos(nginx.process.toHandle()) - nginxCpu)
                            / 1e3
                            / theirs.allRequests();
                    print("nginx", theirs, nginxMicros);
                }
                double goal = GOALS.get(s.name());
                figures.put("serving." + s.figure() + "_p99_ms", mine.p99());
                figures.put("serving." + s.figure() + "_cpu_us", serviceMicros);
                figures.put("serving." + s.figure() + "_alloc_bytes", serviceBytes);
                if (theirs != null) {
                    figures.put("serving." + s.figure() + "_x_nginx", mine.perSecond() / theirs.perSecond());
                }
                lines.add(String.format(
                        Locale.ROOT,
                        "| %s | %,.0f | %s | %s | ≥ %.1f | %.2f / %.2f | %s | %.1f / %s |",
                        s.name(),
                        mine.perSecond(),
                        theirs == null ? "-" : String.format(Locale.ROOT, "%,.0f", theirs.perSecond()),
                        theirs == null
                                ? "-"
                                : String.format(Locale.ROOT, "%.2f", mine.perSecond() / theirs.perSecond()),
                        goal,
                        mine.p50(),
                        mine.p99(),
                        theirs == null ? "-" : String.format(Locale.ROOT, "%.2f / %.2f", theirs.p50(), theirs.p99()),
                        serviceMicros,
                        theirs == null ? "-" : String.format(Locale.ROOT, "%.1f", nginxMicros)));
            }
        } finally {
            if (nginx != null) {
                nginx.stop();
            }
        }
        lines.add(String.format(
                Locale.ROOT,
                "%nGoals: gzip 200 ≥ 0.8 × nginx gzip_static, 304 ≥ 0.7 ×, plain 200 ≥ 0.5 ×, service p99 < %.0f ms."
                        + " The load generator (one thread per connection) runs on the same two shared cores as the"
                        + " server it loads, so it takes a share of the CPU from both; only the ratios count. CPU per"
                        + " request (warm-up included) is the CPU time of Tomcat's threads (http-nio-*) and of nginx's"
                        + " processes over the run, divided by the responses: it holds up when other work shares the"
                        + " cores, where requests per second do not.",
                P99_GOAL_MS));
        lines.add(String.format(
                Locale.ROOT,
                "Warm-up before measuring: %d rounds of every scenario, %.0f s each, until JIT compilation took under"
                        + " %.0f %% of a round (%d ms in the last).",
                rounds,
                WARMUP_ROUND_SECONDS,
                SETTLED_JIT_SHARE * 100,
                compiling));
        if (nginx == null) {
            lines.add("nginx was not found on the PATH (Debian: apt-get install -y nginx-light): its column is empty.");
        }
        lines.forEach(System.out::println);
        return lines;
    }

    private static void print(String server, LoadClient.Result r, double cpuMicros) {
        System.out.printf(
                Locale.ROOT,
                "  %-7s %-9s %,9.0f req/s  p50 %.2f ms  p99 %.2f ms  max %.1f ms  CPU %.1f µs/request"
                        + "  (%,d responses, %d reconnects)%n",
                server,
                r.name(),
                r.perSecond(),
                r.p50(),
                r.p99(),
                r.max(),
                cpuMicros,
                r.requests(),
                r.reconnects());
    }

    /** nginx serving a folder, started with a configuration of its own on a free port; null when it is absent. */
    private static final class Nginx {
        private final Process process;
        private final int port;
        private final String version;

        private Nginx(Process process, int port, String version) {
            this.process = process;
            this.port = port;
            this.version = version;
        }

        static Nginx start(Path dir, Path www) throws Exception {
            String binary = find();
            if (binary == null) {
                System.out.println("  nginx: not found on the PATH or in /usr/sbin; its column is skipped "
                        + "(Debian: apt-get install -y nginx-light)");
                return null;
            }
            Process v =
                    new ProcessBuilder(binary, "-v").redirectErrorStream(true).start();
            String version =
                    new String(v.getInputStream().readAllBytes()).trim().replaceFirst("^nginx version: ", "");
            v.waitFor();
            Files.createDirectories(dir.resolve("logs"));
            int port;
            try (ServerSocket probe = new ServerSocket(0)) {
                port = probe.getLocalPort();
            }
            // Runs as the current user (no "user" switch needs root) with every path under target/.
            String user = "root".equals(System.getProperty("user.name")) ? "user root;\n" : "";
            String conf = user + """
                    worker_processes auto;
                    daemon off;
                    pid %1$s/nginx.pid;
                    error_log %1$s/logs/error.log warn;
                    events { worker_connections 1024; }
                    http {
                      access_log off;
                      client_body_temp_path %1$s/client_body;
                      proxy_temp_path %1$s/proxy;
                      fastcgi_temp_path %1$s/fastcgi;
                      uwsgi_temp_path %1$s/uwsgi;
                      scgi_temp_path %1$s/scgi;
                      sendfile on;
                      tcp_nopush on;
                      keepalive_requests 10000;
                      open_file_cache max=100;
                      types { application/rss+xml xml; }
                      server {
                        listen 127.0.0.1:%2$d;
                        root %3$s;
                        gzip_static on;
                      }
                    }
                    """.formatted(dir.toAbsolutePath(), port, www.toAbsolutePath());
            Path file = dir.resolve("nginx.conf");
            Files.writeString(file, conf);
            Process process = new ProcessBuilder(
                            binary, "-p", dir.toAbsolutePath().toString(), "-c", file.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("logs/stdout.log").toFile())
                    .start();
            Nginx nginx = new Nginx(process, port, version);
            Runtime.getRuntime().addShutdownHook(new Thread(nginx::stop));
            for (int i = 0; i < 50; i++) {
                try {
                    nginx.etag("/feed.xml", false);
                    System.out.println("  nginx " + version + " on port " + port + ", configuration " + file);
                    return nginx;
                } catch (IOException notYet) {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("nginx stopped at start: see " + dir.resolve("logs"));
                    }
                    Thread.sleep(100);
                }
            }
            nginx.stop();
            throw new IllegalStateException("nginx did not answer on port " + port);
        }

        private static String find() {
            for (String dir : (System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/usr/local/sbin").split(":")) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "nginx"))) {
                    return Path.of(dir, "nginx").toString();
                }
            }
            return null;
        }

        String etag(String path, boolean gzip) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
            if (gzip) {
                request.header("Accept-Encoding", "gzip");
            }
            HttpResponse<Void> response =
                    HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                throw new IOException("nginx answered " + response.statusCode());
            }
            return response.headers().firstValue("ETag").orElseThrow();
        }

        void stop() {
            if (process.isAlive()) {
                process.destroy();
                try {
                    process.waitFor(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                process.destroyForcibly();
            }
        }
    }
}
