package org.forumpass.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;

/**
 * The timed part of the load harness: HTTP/1.1 keep-alive requests from one Vert.x event loop (Netty),
 * which costs the two-core box far less per request than the JDK's HttpClient, so that more of the CPU
 * measured is the server's. Everything runs on that one thread: no locks, one histogram.
 *
 * <p>Closed model: a fixed number of callers, each sending its next request when the last answer came
 * (the most the server does). Open model: requests are due at a fixed rate whatever the server does, and
 * each latency is counted from the moment its request was due, so a stall shows in full (no coordinated
 * omission); requests that find every connection busy wait in the client's queue, and that wait counts.
 */
final class Load implements AutoCloseable {
    /** A request to send: method, path, body (null for none) and the bearer token (null for none). */
    record Req(HttpMethod method, String path, Buffer body, String token) {
        static Req get(String path, String token) {
            return new Req(HttpMethod.GET, path, null, token);
        }

        static Req post(String path, String json, String token) {
            return new Req(HttpMethod.POST, path, Buffer.buffer(json), token);
        }
    }

    /** What a run did: answers with the expected status, all other outcomes, the measured span, latencies (µs). */
    record Result(String name, long ok, long errors, double seconds, Histogram latency) {
        double throughput() {
            return ok / seconds;
        }

        String percentiles() {
            return Load.percentiles(latency);
        }
    }

    private final Vertx vertx;
    private final HttpClient client;

    Load(URI base, int connections) {
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1).setInternalBlockingPoolSize(1));
        this.client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(base.getHost())
                        .setDefaultPort(base.getPort()).setKeepAlive(true).setTcpNoDelay(true).setConnectTimeout(5000)
                        .setIdleTimeout(60),
                new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
    }

    /** {@code callers} back-to-back callers for {@code seconds}; the first quarter (at most 3 s) warms up and is not counted. */
    Result closed(String name, int callers, int seconds, IntFunction<Req> next) throws InterruptedException {
        Histogram h = new Histogram(3_600_000_000L, 3);
        long[] counts = new long[2];
        AtomicLong seq = new AtomicLong();
        long start = System.nanoTime();
        long warm = start + TimeUnit.SECONDS.toNanos(Math.min(3, seconds / 4));
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        CountDownLatch done = new CountDownLatch(callers);
        vertx.runOnContext(v -> {
            for (int c = 0; c < callers; c++) {
                caller(next, seq, h, counts, warm, end, done);
            }
        });
        done.await(seconds + 120L, TimeUnit.SECONDS);
        // counted: the requests sent between the end of the warm-up and the end
        return new Result(name, counts[0], counts[1], (end - warm) / 1e9, h);
    }

    private void caller(IntFunction<Req> next, AtomicLong seq, Histogram h, long[] counts, long warm, long end,
                        CountDownLatch done) {
        long sent = System.nanoTime();
        if (sent >= end) {
            done.countDown();
            return;
        }
        send(next.apply((int) seq.getAndIncrement()), status -> {
            long now = System.nanoTime();
            if (sent >= warm) {
                h.recordValue(Math.max(1, (now - sent) / 1000));
                counts[status / 100 == 2 ? 0 : 1]++;
            }
            caller(next, seq, h, counts, warm, end, done);
        });
    }

    /** {@code rate} requests a second for {@code seconds}; latency from each request's due time. */
    Result open(String name, int rate, int seconds, IntFunction<Req> next) throws InterruptedException {
        Histogram h = new Histogram(3_600_000_000L, 3);
        long[] counts = new long[2];
        long total = (long) rate * seconds;
        double interval = 1e9 / rate;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        CountDownLatch done = new CountDownLatch(1);
        long[] issued = {0};
        long[] finished = {0};
        long timer = vertx.setPeriodic(1, id -> {
            long now = System.nanoTime();
            while (issued[0] < total) {
                long due = start + (long) (issued[0] * interval);
                if (due > now) {
                    break;
                }
                int i = (int) issued[0]++;
                send(next.apply(i), status -> {
                    h.recordValue(Math.max(1, (System.nanoTime() - due) / 1000));
                    counts[status / 100 == 2 ? 0 : 1]++;
                    if (++finished[0] == total) {
                        done.countDown();
                    }
                });
            }
        });
        boolean all = done.await(seconds + 120L, TimeUnit.SECONDS);
        vertx.cancelTimer(timer);
        double s = (System.nanoTime() - start) / 1e9;
        CountDownLatch read = new CountDownLatch(1);
        long[] snapshot = new long[2];
        vertx.runOnContext(v -> {
            snapshot[0] = counts[0];
            snapshot[1] = counts[1] + (all ? 0 : total - finished[0]);
            read.countDown();
        });
        read.await(5, TimeUnit.SECONDS);
        return new Result(name, snapshot[0], snapshot[1], s, h);
    }

    /** Sends one request; {@code then} gets the status, or -1 when the request failed (it runs on the event loop). */
    void send(Req r, java.util.function.IntConsumer then) {
        RequestOptions o = new RequestOptions().setMethod(r.method()).setURI(r.path()).setTimeout(60_000);
        if (r.token() != null) {
            o.putHeader("Authorization", "Bearer " + r.token());
        }
        if (r.body() != null) {
            o.putHeader("Content-Type", "application/json");
        }
        client.request(o)
                .compose(req -> r.body() == null ? req.send() : req.send(r.body()))
                .compose(resp -> resp.body().map(b -> resp.statusCode()))
                .onComplete(ar -> then.accept(ar.succeeded() ? ar.result() : -1));
    }

    static String percentiles(Histogram h) {
        return String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms",
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
                h.getValueAtPercentile(99.9) / 1000.0, h.getMaxValue() / 1000.0);
    }

    @Override
    public void close() {
        client.close();
        vertx.close();
    }
}
