package org.her2feeds.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A closed-loop HTTP/1.1 load generator in the manner of wrk: a fixed number of keep-alive connections, each sending
 * its next request as soon as the previous response has been read, for a fixed time; requests per second and latency
 * percentiles of the responses completed after a warm-up.
 *
 * <p>Hand-written on purpose, not the JDK's HttpClient or Apache HttpClient: the generator shares the machine's two
 * cores with both servers, and a client that spends more CPU per request than nginx does hides the difference it is
 * meant to show (every server then looks as fast as the client). A blocking socket per connection that writes
 * prepared bytes and reads a {@code Content-Length} body costs only a few microseconds per request. It understands
 * just what both servers send for these requests: a status line, headers and a body of the declared length; it
 * reconnects when the server closes the connection (and counts it), and stops with an error on anything else.
 */
final class LoadClient {

    /** One measured scenario: completed requests per second and latencies in milliseconds. */
    record Result(
            String name,
            int connections,
            double seconds,
            long requests,
            double perSecond,
            double p50,
            double p99,
            double max,
            long bodyBytes,
            long reconnects,
            long allRequests) {}

    private final String host;
    private final int port;

    LoadClient(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /**
     * Runs {@code connections} connections sending GET {@code path} with {@code headers} for {@code warmupSeconds}
     * (not counted) and then {@code seconds}; every response must have status {@code expectedStatus} and a body of
     * {@code expectedBytes}.
     */
    Result run(
            String name,
            String path,
            Map<String, String> headers,
            int expectedStatus,
            int expectedBytes,
            int connections,
            double warmupSeconds,
            double seconds)
            throws InterruptedException {
        StringBuilder request = new StringBuilder()
                .append("GET ")
                .append(path)
                .append(" HTTP/1.1\r\nHost: ")
                .append(host)
                .append(':')
                .append(port)
                .append("\r\nUser-Agent: her2-bench\r\n");
        headers.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
        byte[] bytes = request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
        long start = System.nanoTime();
        long measureFrom = start + (long) (warmupSeconds * 1e9);
        long end = measureFrom + (long) (seconds * 1e9);
        List<Worker> workers = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(connections);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int i = 0; i < connections; i++) {
            Worker worker = new Worker(bytes, expectedStatus, expectedBytes, measureFrom, end);
            workers.add(worker);
            Thread thread = new Thread(
                    () -> {
                        try {
                            worker.loop();
                        } catch (Throwable e) {
                            failure.compareAndSet(null, e);
                        } finally {
                            done.countDown();
                        }
                    },
                    "load-" + i);
            thread.setDaemon(true);
            thread.start();
        }
        done.await();
        if (failure.get() != null) {
            throw new IllegalStateException(name + ": " + failure.get().getMessage(), failure.get());
        }
        long count = 0;
        long reconnects = 0;
        long all = 0;
        for (Worker w : workers) {
            count += w.count;
            reconnects += w.reconnects;
            all += w.total;
        }
        long[] sorted = new long[(int) count];
        int at = 0;
        for (Worker w : workers) {
            System.arraycopy(w.latencies, 0, sorted, at, w.count);
            at += w.count;
        }
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            throw new IllegalStateException(name + ": no response completed in " + seconds + " s");
        }
        return new Result(
                name,
                connections,
                seconds,
                count,
                count / seconds,
                percentile(sorted, 0.50),
                percentile(sorted, 0.99),
                sorted[sorted.length - 1] / 1e6,
                expectedBytes,
                reconnects,
                all);
    }

    private static double percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    /** One connection's loop; its latencies are read after its thread has ended. */
    private final class Worker {
        private final byte[] request;
        private final int expectedStatus;
        private final int expectedBytes;
        private final long measureFrom;
        private final long end;
        private final byte[] line = new byte[8192];
        private final byte[] sink = new byte[64 * 1024];
        private long[] latencies = new long[1 << 14];
        private int count;
        /** Every response, warm-up included: what the server's CPU time over the whole run is divided by. */
        private long total;

        private long reconnects;
        private Socket socket;
        private InputStream in;
        private OutputStream out;
        private boolean closeAfter;

        Worker(byte[] request, int expectedStatus, int expectedBytes, long measureFrom, long end) {
            this.request = request;
            this.expectedStatus = expectedStatus;
            this.expectedBytes = expectedBytes;
            this.measureFrom = measureFrom;
            this.end = end;
        }

        void loop() throws IOException {
            connect();
            try {
                while (true) {
                    long t = System.nanoTime();
                    if (t >= end) {
                        return;
                    }
                    out.write(request);
                    out.flush();
                    readResponse();
                    total++;
                    long after = System.nanoTime();
                    if (t >= measureFrom && after <= end) {
                        if (count == latencies.length) {
                            latencies = Arrays.copyOf(latencies, count * 2);
                        }
                        latencies[count++] = after - t;
                    }
                    if (closeAfter) {
                        socket.close();
                        reconnects++;
                        connect();
                    }
                }
            } finally {
                socket.close();
            }
        }

        private void connect() throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 5000);
            socket.setSoTimeout(30_000);
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            out = socket.getOutputStream();
        }

        private void readResponse() throws IOException {
            String status = readLine();
            // "HTTP/1.1 200 ..."
            int code = status.length() >= 12 ? Integer.parseInt(status.substring(9, 12)) : -1;
            if (code != expectedStatus) {
                throw new IOException("expected status " + expectedStatus + ", got '" + status + "'");
            }
            long length = code == 304 ? 0 : -1;
            closeAfter = false;
            String header;
            while (!(header = readLine()).isEmpty()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                if (name.equals("content-length") && code != 304) {
                    length = Long.parseLong(value);
                } else if (name.equals("connection") && value.equalsIgnoreCase("close")) {
                    closeAfter = true;
                } else if (name.equals("transfer-encoding")) {
                    throw new IOException("chunked responses are not expected here: " + header);
                }
            }
            if (length != expectedBytes) {
                throw new IOException("expected a body of " + expectedBytes + " bytes, got " + length);
            }
            long left = length;
            while (left > 0) {
                int n = in.read(sink, 0, (int) Math.min(sink.length, left));
                if (n < 0) {
                    throw new IOException("connection closed in the body");
                }
                left -= n;
            }
        }

        private String readLine() throws IOException {
            int n = 0;
            int b;
            while ((b = in.read()) != '\n') {
                if (b < 0) {
                    throw new IOException("connection closed by the server");
                }
                if (n == line.length) {
                    throw new IOException("header line too long");
                }
                line[n++] = (byte) b;
            }
            if (n > 0 && line[n - 1] == '\r') {
                n--;
            }
            return new String(line, 0, n, StandardCharsets.ISO_8859_1);
        }
    }
}
