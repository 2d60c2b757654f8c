package dev.fleetsync.e2e;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * s3proxy over a jclouds filesystem blobstore, loaded from the test class path minus the Guice 5 classes jar, in a
 * class loader whose parent is the platform's, and driven by reflection (its types are not this loader's types).
 */
final class IsolatedS3Proxy {
    private final URLClassLoader loader;
    private final Object proxy;
    private final Object context;

    private IsolatedS3Proxy(URLClassLoader loader, Object proxy, Object context) {
        this.loader = loader;
        this.proxy = proxy;
        this.context = context;
    }

    static IsolatedS3Proxy start(Path root, String accessKey, String secret) throws Exception {
        URLClassLoader loader = new URLClassLoader("s3proxy", classPath(), ClassLoader.getPlatformClassLoader());
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Properties properties = new Properties();
            properties.setProperty("jclouds.filesystem.basedir", root.toString());
            Class<?> contextBuilder = loader.loadClass("org.jclouds.ContextBuilder");
            Class<?> blobStoreContext = loader.loadClass("org.jclouds.blobstore.BlobStoreContext");
            Object builder = contextBuilder.getMethod("newBuilder", String.class).invoke(null, "filesystem");
            builder = contextBuilder.getMethod("overrides", Properties.class).invoke(builder, properties);
            Object context = contextBuilder.getMethod("build", Class.class).invoke(builder, blobStoreContext);
            Object blobStore = blobStoreContext.getMethod("getBlobStore").invoke(context);

            Class<?> s3Proxy = loader.loadClass("org.gaul.s3proxy.S3Proxy");
            Class<?> authType = loader.loadClass("org.gaul.s3proxy.AuthenticationType");
            Object proxyBuilder = s3Proxy.getMethod("builder").invoke(null);
            Class<?> builderType = proxyBuilder.getClass();
            builderType.getMethod("blobStore", loader.loadClass("org.jclouds.blobstore.BlobStore")).invoke(proxyBuilder, blobStore);
            builderType.getMethod("endpoint", URI.class).invoke(proxyBuilder, URI.create("http://127.0.0.1:0"));
            @SuppressWarnings({"unchecked", "rawtypes"})
            Object v4 = Enum.valueOf((Class) authType, "AWS_V2_OR_V4");
            builderType.getMethod("awsAuthentication", authType, String.class, String.class).invoke(proxyBuilder, v4, accessKey, secret);
            Object proxy = builderType.getMethod("build").invoke(proxyBuilder);
            s3Proxy.getMethod("start").invoke(proxy);
            while (!"STARTED".equals(s3Proxy.getMethod("getState").invoke(proxy))) {
                Thread.sleep(20);
            }
            return new IsolatedS3Proxy(loader, proxy, context);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    int port() {
        try {
            return (int) proxy.getClass().getMethod("getPort").invoke(proxy);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    void stop() {
        try {
            proxy.getClass().getMethod("stop").invoke(proxy);
            ((AutoCloseable) context).close();
            loader.close();
        } catch (Exception e) {
            throw new IllegalStateException("s3proxy did not stop", e);
        }
    }

    private static URL[] classPath() throws MalformedURLException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<URL> urls = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.isEmpty() && !(entry.contains("/com/google/inject/guice/") && entry.endsWith("-classes.jar"))) {
                urls.add(new File(entry).toURI().toURL());
            }
        }
        return urls.toArray(URL[]::new);
    }
}
