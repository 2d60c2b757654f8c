package dev.fleetsync.e2e;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real S3-compatible store for the end-to-end tests: s3proxy, in this JVM, on loopback, over a filesystem blobstore
 * in {@link #ROOT} (a bucket is a folder, an object a file, its ETag the MD5 of its bytes). The service is configured
 * to read ETags from it; tests put objects there by writing files ({@link Bundles}).
 *
 * <p>s3proxy runs in a class loader of its own ({@link IsolatedS3Proxy}): on the test class path Quarkus's Maven
 * resolver brings Guice 5 (maven-embedder's {@code guice:classes}), which shadows the Guice 7 jclouds needs.
 */
public class BundleStoreResource implements QuarkusTestResourceLifecycleManager {
    /** The blobstore's folder; fixed so the tests and this resource (loaded apart) find it. */
    static final Path ROOT = Path.of("target", "e2e", "s3").toAbsolutePath();
    static final String ACCESS_KEY = "AKIDE2EBUNDLESTORE";
    static final String SECRET = "e2e-bundle-store-secret";
    static final String REGION = "us-east-1";
    /** Where the endpoint is written for the tests to read (system properties do not cross the class loaders reliably). */
    static final Path ENDPOINT_FILE = ROOT.resolveSibling("s3-endpoint");

    private IsolatedS3Proxy proxy;

    @Override
    public Map<String, String> start() {
        try {
            Files.createDirectories(ROOT);
            proxy = IsolatedS3Proxy.start(ROOT, ACCESS_KEY, SECRET);
            String endpoint = "http://127.0.0.1:" + proxy.port();
            Files.writeString(ENDPOINT_FILE, endpoint);
            return Map.of(
                    "fleetsync.bundle-store.endpoint", endpoint,
                    "fleetsync.bundle-store.region", REGION,
                    "fleetsync.bundle-store.path-style", "true",
                    "fleetsync.bundle-store.access-key-id", ACCESS_KEY,
                    "fleetsync.bundle-store.secret-access-key", SECRET);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("s3proxy did not start", e);
        }
    }

    @Override
    public void stop() {
        if (proxy != null) {
            proxy.stop();
        }
    }

    static String endpoint() {
        try {
            return Files.readString(ENDPOINT_FILE).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
