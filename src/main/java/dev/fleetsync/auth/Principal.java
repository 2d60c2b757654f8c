package dev.fleetsync.auth;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A caller's credentials and the account whose resources it acts on. A robot credential also names the one robot it
 * may speak the robot protocol for ({@code robotArn}); an account principal has none and may act on the whole account.
 */
public record Principal(String accessKeyId, String secretKey, String accountId, String robotArn) {
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("[A-Z0-9]{16,128}");
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

    /** An account principal. */
    public Principal(String accessKeyId, String secretKey, String accountId) {
        this(accessKeyId, secretKey, accountId, null);
    }

    /** A robot credential: limited to the robot protocol, for {@code robotArn} only. */
    public static Principal robot(String accessKeyId, String secretKey, String accountId, String robotArn) {
        return new Principal(accessKeyId, secretKey, accountId, java.util.Objects.requireNonNull(robotArn));
    }

    public boolean isRobot() {
        return robotArn != null;
    }

    /**
     * Reads one {@code accessKeyId:secretKey:accountId} entry. The secret may itself hold colons, so the access key id is
     * everything before the first colon and the account id everything after the last.
     *
     * @throws IllegalArgumentException naming the entry by its access key id only, never echoing a secret
     */
    public static Principal parse(String entry) {
        String text = entry.trim();
        int first = text.indexOf(':');
        int last = text.lastIndexOf(':');
        if (first <= 0 || last <= first + 1) {
            throw new IllegalArgumentException("A principal must be written accessKeyId:secretKey:accountId");
        }
        Principal principal = new Principal(text.substring(0, first), text.substring(first + 1, last), text.substring(last + 1));
        if (!ACCESS_KEY_ID.matcher(principal.accessKeyId).matches()) {
            throw new IllegalArgumentException("Access key id of a principal must be 16-128 upper-case letters or digits");
        }
        if (!ACCOUNT_ID.matcher(principal.accountId).matches()) {
            throw new IllegalArgumentException("Account id of principal " + principal.accessKeyId + " must be 12 digits");
        }
        return principal;
    }

    /** A line of a principals file: blank lines and {@code #} comments are no principal. */
    public static Optional<Principal> parseLine(String line) {
        String text = line.trim();
        return text.isEmpty() || text.startsWith("#") ? Optional.empty() : Optional.of(parse(text));
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "Principal[" + accessKeyId + ", account " + accountId + (isRobot() ? ", robot " + robotArn : "") + "]";
    }
}
