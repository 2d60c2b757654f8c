package dev.fleetsync.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The service's own count of the polls it holds open (the fleetsync_long_polls_waiting gauge at /q/metrics). */
final class HeldPolls {
    private static final String GAUGE = "fleetsync_long_polls_waiting ";

    private final HttpClient client = HttpClient.newHttpClient();
    private final URI metrics;

    HeldPolls(URI endpoint) {
        this.metrics = endpoint.resolve("/q/metrics");
    }

    double count() {
        try {
            String scrape = client.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString()).body();
            return scrape.lines().filter(line -> line.startsWith(GAUGE))
                    .mapToDouble(line -> Double.parseDouble(line.substring(GAUGE.length())))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no " + GAUGE.trim() + " in " + metrics));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
