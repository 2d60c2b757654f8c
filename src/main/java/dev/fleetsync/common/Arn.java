package dev.fleetsync.common;

import java.util.Optional;

/**
 * An ARN split into its parts: {@code arn:partition:service:region:account:resource}.
 * The resource part is {@code type/rest}, e.g. {@code deployment-fleet/MyFleet/1539894765711}.
 */
public record Arn(String partition, String service, String region, String accountId, String resourceType, String resourceId) {

    public static Optional<Arn> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.split(":", 6);
        if (parts.length != 6 || !"arn".equals(parts[0])) {
            return Optional.empty();
        }
        String resource = parts[5];
        int slash = resource.indexOf('/');
        if (slash <= 0 || slash == resource.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new Arn(parts[1], parts[2], parts[3], parts[4], resource.substring(0, slash), resource.substring(slash + 1)));
    }

    @Override
    public String toString() {
        return "arn:" + partition + ":" + service + ":" + region + ":" + accountId + ":" + resourceType + "/" + resourceId;
    }
}
