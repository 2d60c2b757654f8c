package dev.fleetsync.common;

import java.util.List;

/**
 * The one wording of a validation error, as AWS words it:
 * {@code 1 validation error detected: Value 'x' at 'fleet' failed to satisfy constraint: Member must ...}.
 * Every refusal of a member's value is built here, whichever layer finds it.
 */
public final class Validation {
    /** Longer values are not echoed back (a message is no place for a 1 KB environment variable). */
    static final int MAX_ECHOED_VALUE = 128;

    private Validation() {
    }

    /** The refusal of one member's value: echoed (escaped) when short, as AWS does; {@code null} as {@code Value null}. */
    public static ServiceException invalid(String member, Object value, String constraint) {
        return ServiceException.invalid(message(List.of(violation(member, value, constraint))));
    }

    /** The refusal of a member whose value is not repeated (a map, a list, bytes that are no text). */
    public static ServiceException invalidMember(String member, String constraint) {
        return ServiceException.invalid(message(List.of(memberViolation(member, constraint))));
    }

    /** The refusal of a body that breaks a constraint at no member in particular. */
    public static String bodyMessage(String constraint) {
        return message(List.of("The request body failed to satisfy constraint: " + constraint));
    }

    /** One violation: {@code Value 'x' at 'member' failed to satisfy constraint: ...}. */
    public static String violation(String member, Object value, String constraint) {
        String echoed = echo(value);
        return echoed == null ? memberViolation(member, constraint)
                : "Value " + echoed + " at '" + member + "' failed to satisfy constraint: " + constraint;
    }

    /** One violation without the value: {@code Value at 'member' failed to satisfy constraint: ...}. */
    public static String memberViolation(String member, String constraint) {
        return "Value at '" + member + "' failed to satisfy constraint: " + constraint;
    }

    /** The whole message of one or more violations, counted as AWS counts them. */
    public static String message(List<String> violations) {
        String count = violations.size() == 1 ? "1 validation error detected: " : violations.size() + " validation errors detected: ";
        return count + String.join("; ", violations);
    }

    /** A refused value as it may be echoed: control characters and surrogates written as escapes, never raw. */
    public static String printable(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code 'x'} for short text and numbers (and enum constants), {@code null} for null; null when not echoed at all. */
    private static String echo(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof CharSequence || value instanceof Number || value instanceof Enum<?>) {
            String text = value.toString();
            return text.length() <= MAX_ECHOED_VALUE ? "'" + printable(text) + "'" : null;
        }
        return null;
    }
}
