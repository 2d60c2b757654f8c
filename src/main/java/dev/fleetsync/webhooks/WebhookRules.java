package dev.fleetsync.webhooks;

import dev.fleetsync.common.Validation;
import dev.fleetsync.events.EventType;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** What a subscription's url and eventTypes may be: pure, refusing with the member named. */
public final class WebhookRules {
    public static final int MAX_URL_LENGTH = 2048;

    private WebhookRules() {
    }

    /** An absolute http or https URL with a host and no user info. */
    public static String url(String url) {
        String constraint = "Member must be an absolute http or https URL without user info, of at most " + MAX_URL_LENGTH + " characters";
        if (url == null || url.isEmpty() || url.length() > MAX_URL_LENGTH) {
            throw Validation.invalid("url", url, constraint);
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
                throw Validation.invalid("url", url, constraint);
            }
            return url;
        } catch (URISyntaxException e) {
            throw Validation.invalid("url", url, constraint);
        }
    }

    /** Each an EventType name exactly; stored comma-separated, in the order given, without repeats. Null or empty: all. */
    public static String eventTypes(List<String> types) {
        if (types == null) {
            return "";
        }
        Set<String> known = Arrays.stream(EventType.values()).map(Enum::name).collect(Collectors.toSet());
        Set<String> kept = new LinkedHashSet<>();
        for (int i = 0; i < types.size(); i++) {
            String type = types.get(i);
            if (type == null || !known.contains(type)) {
                throw Validation.invalid("eventTypes[" + i + "]", type, "Member must satisfy enum value set: " + known.stream().sorted().toList());
            }
            kept.add(type);
        }
        return String.join(",", kept);
    }

    public static List<String> eventTypeList(String stored) {
        return stored == null || stored.isEmpty() ? List.of() : List.of(stored.split(","));
    }
}
