package dev.fleetsync.api.shape;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/** The shape annotations accept exactly what the service model's length, range and pattern traits allow. */
class ShapeConstraintsProperties {
    private static final String NAME_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-";
    private static final String TOKEN_CHARS = NAME_CHARS + "=";
    private static final String TAG_CHARS = NAME_CHARS + " ./+=:";

    // A plain factory, not Quarkus's: the parameter interpolator needs no Expression Language implementation.
    private static final ValidatorFactory FACTORY = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    @AfterContainer
    static void close() {
        FACTORY.close();
    }

    static final class NameHolder {
        @Name
        String value;
    }

    static final class TokenHolder {
        @ClientRequestToken
        String value;
    }

    static final class PercentageHolder {
        @Percentage
        Integer value;
    }

    static final class ArnHolder {
        @Arn
        String value;
    }

    static final class TagKeyHolder {
        @TagKey
        String value;
    }

    static final class TagValueHolder {
        @TagValue
        String value;
    }

    // ---- Name: 1..255 of [a-zA-Z0-9_-] ----

    @Property
    void nameOfAllowedCharactersAndLengthIsValid(@ForAll("names") String name) {
        assertThat(violations(NameHolder.class, name)).isEmpty();
    }

    @Property
    void nameWithAnyOtherCharacterIsInvalid(@ForAll("names") String name, @ForAll("notNameChars") char other,
            @ForAll @IntRange(max = 255) int at) {
        String bad = insert(name.substring(0, Math.min(name.length(), 254)), other, at);

        assertThat(violations(NameHolder.class, bad)).isNotEmpty();
    }

    @Property
    void nameLongerThan255IsInvalid(@ForAll("longNames") String name) {
        assertThat(violations(NameHolder.class, name)).isNotEmpty();
    }

    @Example
    void emptyNameIsInvalid() {
        assertThat(violations(NameHolder.class, "")).isNotEmpty();
    }

    // ---- ClientRequestToken: 1..64 of [a-zA-Z0-9_-=] ----

    @Property
    void tokenOfAllowedCharactersUpTo64IsValid(@ForAll("tokens") String token) {
        assertThat(violations(TokenHolder.class, token)).isEmpty();
    }

    @Property
    void tokenLongerThan64IsInvalid(@ForAll("longTokens") String token) {
        assertThat(violations(TokenHolder.class, token)).isNotEmpty();
    }

    @Property
    void tokenWithAnyOtherCharacterIsInvalid(@ForAll("tokens") String token, @ForAll("notTokenChars") char other,
            @ForAll @IntRange(max = 64) int at) {
        assertThat(violations(TokenHolder.class, insert(token.substring(0, Math.min(token.length(), 63)), other, at))).isNotEmpty();
    }

    @Example
    void sdkGeneratedUuidTokenIsValidAndEmptyTokenIsNot() {
        assertThat(violations(TokenHolder.class, java.util.UUID.randomUUID().toString())).isEmpty();
        assertThat(violations(TokenHolder.class, "")).isNotEmpty();
    }

    // ---- Percentage: 1..100 ----

    /** Around the bounds, densely enough that every value from -50 to 150 is tried. */
    @Property
    void percentageIsValidExactlyFrom1To100(@ForAll @IntRange(min = -50, max = 150) int value) {
        boolean inRange = value >= 1 && value <= 100;

        assertThat(violations(PercentageHolder.class, value).isEmpty()).isEqualTo(inRange);
    }

    @Example
    void percentageEdges() {
        assertThat(violations(PercentageHolder.class, 0)).isNotEmpty();
        assertThat(violations(PercentageHolder.class, 1)).isEmpty();
        assertThat(violations(PercentageHolder.class, 100)).isEmpty();
        assertThat(violations(PercentageHolder.class, 101)).isNotEmpty();
    }

    // ---- Arn: 1..1224, arn:.* ----

    @Property
    void arnPrefixFollowedByAnyLineUpTo1224IsValid(@ForAll("arns") String arn) {
        assertThat(violations(ArnHolder.class, arn)).isEmpty();
    }

    @Property
    void arnLongerThan1224IsInvalid(@ForAll @IntRange(min = 1221, max = 3000) int restLength) {
        assertThat(violations(ArnHolder.class, "arn:" + "x".repeat(restLength))).isNotEmpty();
    }

    @Property
    void textWithoutTheArnPrefixIsInvalid(@ForAll("lines") String text) {
        String notArn = text.startsWith("arn:") ? "x" + text : text;

        assertThat(violations(ArnHolder.class, notArn)).isNotEmpty();
    }

    @Example
    void arnEdges() {
        assertThat(violations(ArnHolder.class, "arn:")).isEmpty();
        assertThat(violations(ArnHolder.class, "arn:" + "x".repeat(1220))).isEmpty();
        assertThat(violations(ArnHolder.class, "arn:" + "x".repeat(1221))).isNotEmpty();
        assertThat(violations(ArnHolder.class, "ARN:aws")).isNotEmpty();
        assertThat(violations(ArnHolder.class, "")).isNotEmpty();
        // '.' does not match a line terminator, as in the model's pattern under Java's regex rules
        assertThat(violations(ArnHolder.class, "arn:aws\nrobomaker")).isNotEmpty();
    }

    // ---- TagKey 1..128 and TagValue 0..256 of [a-zA-Z0-9 _.-/+=:] ----

    @Property
    void tagKeyOfAllowedCharactersUpTo128IsValid(@ForAll("tagKeys") String key) {
        assertThat(violations(TagKeyHolder.class, key)).isEmpty();
    }

    @Property
    void tagValueOfAllowedCharactersUpTo256IsValidEvenEmpty(@ForAll("tagValues") String value) {
        assertThat(violations(TagValueHolder.class, value)).isEmpty();
    }

    @Property
    void tagKeyOrValueWithAnyOtherCharacterIsInvalid(@ForAll("tagKeys") String text, @ForAll("notTagChars") char other,
            @ForAll @IntRange(max = 128) int at) {
        String bad = insert(text.substring(0, Math.min(text.length(), 127)), other, at);

        assertThat(violations(TagKeyHolder.class, bad)).isNotEmpty();
        assertThat(violations(TagValueHolder.class, bad)).isNotEmpty();
    }

    @Example
    void tagLengthEdges() {
        assertThat(violations(TagKeyHolder.class, "")).isNotEmpty();
        assertThat(violations(TagKeyHolder.class, "k".repeat(128))).isEmpty();
        assertThat(violations(TagKeyHolder.class, "k".repeat(129))).isNotEmpty();
        assertThat(violations(TagValueHolder.class, "")).isEmpty();
        assertThat(violations(TagValueHolder.class, "v".repeat(256))).isEmpty();
        assertThat(violations(TagValueHolder.class, "v".repeat(257))).isNotEmpty();
    }

    @Example
    void absentMembersAreLeftToNotNull() {
        assertThat(violations(NameHolder.class, null)).isEmpty();
        assertThat(violations(ArnHolder.class, null)).isEmpty();
        assertThat(violations(PercentageHolder.class, null)).isEmpty();
    }

    // ---- generators ----

    @Provide
    Arbitrary<String> names() {
        return of(NAME_CHARS, 1, 255);
    }

    @Provide
    Arbitrary<String> longNames() {
        return of(NAME_CHARS, 256, 600);
    }

    @Provide
    Arbitrary<String> tokens() {
        return of(TOKEN_CHARS, 1, 64);
    }

    @Provide
    Arbitrary<String> longTokens() {
        return of(TOKEN_CHARS, 65, 200);
    }

    @Provide
    Arbitrary<String> tagKeys() {
        return of(TAG_CHARS, 1, 128);
    }

    @Provide
    Arbitrary<String> tagValues() {
        return of(TAG_CHARS, 0, 256);
    }

    @Provide
    Arbitrary<Character> notNameChars() {
        return Arbitraries.chars().filter(c -> NAME_CHARS.indexOf(c) < 0);
    }

    @Provide
    Arbitrary<Character> notTokenChars() {
        return Arbitraries.chars().filter(c -> TOKEN_CHARS.indexOf(c) < 0);
    }

    @Provide
    Arbitrary<Character> notTagChars() {
        return Arbitraries.chars().filter(c -> TAG_CHARS.indexOf(c) < 0);
    }

    /** Any text on one line: '.' in {@code arn:.*} matches everything but line terminators. */
    @Provide
    Arbitrary<String> lines() {
        return Arbitraries.strings().all().ofMaxLength(300)
                .filter(s -> s.chars().noneMatch(c -> c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029'));
    }

    @Provide
    Arbitrary<String> arns() {
        return Combinators.combine(lines(), Arbitraries.integers().between(0, 1220))
                .as((line, pad) -> "arn:" + line + "x".repeat(Math.max(0, Math.min(pad, 1220 - line.length()))));
    }

    private static Arbitrary<String> of(String alphabet, int min, int max) {
        return Arbitraries.strings().withChars(alphabet.toCharArray()).ofMinLength(min).ofMaxLength(max);
    }

    private static String insert(String text, char c, int at) {
        int position = Math.min(at, text.length());
        return text.substring(0, position) + c + text.substring(position);
    }

    private static <T> Set<ConstraintViolation<T>> violations(Class<T> holder, Object value) {
        return VALIDATOR.validateValue(holder, "value", value);
    }
}
