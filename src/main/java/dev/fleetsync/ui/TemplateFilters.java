package dev.fleetsync.ui;

import io.quarkus.qute.TemplateExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Value helpers the dashboard's templates call as {@code {value.urlEncode}}. */
@TemplateExtension
final class TemplateFilters {
    private TemplateFilters() {
    }

    /** A query parameter's value (ARNs carry {@code :} and {@code /}). */
    static String urlEncode(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
