package dev.fleetsync.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsync.common.ServiceError;
import dev.fleetsync.common.ServiceException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestTargetTest {
    private static final Set<String> NAMES = Set.of("tagKeys");

    @Test
    void aPlainOperationPathPasses() {
        assertThat(RequestTarget.problem("/listFleets", null, NAMES)).isEmpty();
    }

    @Test
    void anEncodedArnAndAWellFormedQueryPass() {
        assertThat(RequestTarget.problem("/tags/arn%3Aaws%3Arobomaker%3Aus-west-2%3A1%3Adeployment-fleet%2Ff%2F1",
                "tagKeys=a&tagKeys=%E2%82%AC&empty=&flag", NAMES)).isEmpty();
    }

    @Test
    void wellFormedTextBeyondAsciiPasses() {
        assertThat(RequestTarget.problem("/tags/caf%C3%A9%F0%9F%98%80", null, NAMES)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/q/../listFleets", "/q/%2e%2e/listFleets", "/q/%2E%2e/listFleets", "/q/..;x/listFleets", "/./listFleets",
            "/q/.", "/q/..", "/agent/v1/%2e/poll", "/q/.%2E/listFleets"})
    void aDotSegmentInAnySpellingIsRefusedNamingThePath(String path) {
        assertRefused(RequestTarget.problem(path, null, NAMES), "'path'", "'.' or '..'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/q/...", "/q/.hidden", "/q/a..b", "/q/%2e%2e%2e"})
    void segmentsThatOnlyContainDotsAreNames(String path) {
        assertThat(RequestTarget.problem(path, null, NAMES)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost/q/../listFleets", "*", ""})
    void aTargetThatIsNoPathIsRefused(String target) {
        assertRefused(RequestTarget.problem(target, null, NAMES), "'path'", "absolute path");
    }

    @ParameterizedTest
    @ValueSource(strings = {"%", "%2", "%ZZ", "%G0", "%C0%AF", "%C1%81", "%ED%A0%80", "%F4%90%80%80", "%E2%82", "%FF", "%80"})
    void aPathThatIsNotPercentEncodedUtf8IsRefused(String bad) {
        assertRefused(RequestTarget.problem("/tags/arn" + bad + "x", null, NAMES), "'path'", "percent-encoded UTF-8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"%", "%ZZ", "%C0%AF", "%ED%A0%80"})
    void aBadQueryValueIsRefusedNamingItsParameter(String bad) {
        assertRefused(withQuery("tagKeys=ok&tagKeys=x" + bad), "'tagKeys'", "percent-encoded UTF-8");
    }

    @Test
    void aBadQueryParameterNameIsRefusedNamingTheQuery() {
        assertRefused(withQuery("tag%C0%AFKeys=a"), "'query'", "percent-encoded UTF-8");
    }

    /** Sent as given, named as decoded: {@code %74} is 't'. */
    @ParameterizedTest
    @CsvSource({"tagkeys,tagkeys", "TAGKEYS,TAGKEYS", "TagKeys,TagKeys", "tagKEYS,tagKEYS", "TAGKeys,TAGKeys", "%74agkeys,tagkeys"})
    void aModelQueryNameInAnotherCaseIsRefusedNamingBothSpellings(String sent, String named) {
        assertRefused(withQuery("other=1&" + sent + "=a"), "'" + named + "'", "spelled 'tagKeys'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tagKeys", "tagKey", "tag_keys", "unrelated", "tagKeys%20"})
    void otherNamesAreNoneOfTheModelsAndPass(String name) {
        assertThat(withQuery(name + "=a")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/tags/a b", "/tags/a|b", "/tags/a\\b", "/tags/a\"b", "/tags/a<b", "/tags/a{b}", "/tags/caf\u00e9", "/tags/a\tb",
            "/tags/a^b", "/tags/a`b", "/tags/a[0]"})
    void aPathCharacterThatMustBeEncodedIsRefused(String path) {
        assertRefused(RequestTarget.problem(path, null, NAMES), "'path'", "URI characters");
    }

    @Test
    void aQueryCharacterThatMustBeEncodedIsRefused() {
        assertRefused(withQuery("tagKeys=a b"), "'query'", "URI characters");
    }

    @Test
    void aQueryMayHoldSlashesAndQuestionMarks() {
        assertThat(withQuery("next=a/b?c")).isEmpty();
    }

    /** A dot segment behind an encoded ';' or in lower-case hex is still one. */
    @ParameterizedTest
    @ValueSource(strings = {"/q/..%3Bx/listFleets", "/q/.%3b/listFleets", "/q/%2e%2e%3B/listFleets"})
    void aDotSegmentBeforeAnEncodedParameterIsRefused(String path) {
        assertRefused(RequestTarget.problem(path, null, NAMES), "'path'", "'.' or '..'");
    }

    /** An encoded '/' or '\' joins dots to a name: no segment is '.' or '..' (the HTTP test shows no route resolves it). */
    @ParameterizedTest
    @ValueSource(strings = {"/q/%2F../listFleets", "/q/..%2F/listFleets", "/q/%2e%2e%2f/listFleets", "/q/..%5C/listFleets"})
    void dotsJoinedByAnEncodedSeparatorAreANameHere(String path) {
        assertThat(RequestTarget.problem(path, null, NAMES)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"%c0%af", "%ed%a0%80", "%e2%82"})
    void lowerCaseHexOfMalformedUtf8IsRefusedToo(String bad) {
        assertRefused(RequestTarget.problem("/tags/arn" + bad, null, NAMES), "'path'", "percent-encoded UTF-8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "&", "&&tagKeys=a&", "=", "=a", "tagKeys"})
    void emptyQueriesPairsNamesAndValuesPass(String rawQuery) {
        assertThat(withQuery(rawQuery)).isEmpty();
    }

    @Test
    void aBadValueOfAParameterWhoseNameHoldsAControlCharacterNamesItPrintably() {
        ServiceException refusal = withQuery("a%01b=%ZZ").orElseThrow();

        assertThat(refusal.getMessage()).contains("'a\\u0001b'").doesNotContain("\u0001");
    }

    /** A model name spelled exactly, some of it percent-encoded, is that name: not refused for its case. */
    @Test
    void aModelNameWithEncodedLettersIsThatName() {
        assertThat(withQuery("tag%4Beys=a")).isEmpty();
    }

    @Test
    void aRefusedValueIsEchoedPrintableAndShort() {
        ServiceException refusal = RequestTarget.problem("/tags/" + "%00".repeat(100) + "%FF", null, NAMES).orElseThrow();

        assertThat(refusal.getMessage()).doesNotContain("\u0000").contains("...").hasSizeLessThan(400);
    }

    @Test
    void plusIsNotASpace() {
        assertThat(RequestTarget.decode("a+b%20c")).isEqualTo("a+b c");
    }

    /** Every percent-encoding of well-formed UTF-8 decodes back to its text: generated with a fixed seed. */
    @ParameterizedTest
    @MethodSource("wellFormedTexts")
    void theEncodingOfAnyWellFormedTextDecodesToIt(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            encoded.append('%').append(String.format("%02X", b & 0xFF));
        }

        assertThat(RequestTarget.decode(encoded.toString())).isEqualTo(text);
    }

    static Stream<String> wellFormedTexts() {
        Random random = new Random(14);
        return IntStream.range(0, 200).mapToObj(i -> {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(8) + 1; n > 0; n--) {
                int codePoint;
                do {
                    codePoint = random.nextInt(4) == 0 ? random.nextInt(0x80) : random.nextInt(0x110000);
                } while (Character.getType(codePoint) == Character.SURROGATE);
                text.appendCodePoint(codePoint);
            }
            return text.toString();
        });
    }

    private static Optional<ServiceException> withQuery(String rawQuery) {
        return RequestTarget.problem("/tags/arn", rawQuery, NAMES);
    }

    private static void assertRefused(Optional<ServiceException> problem, String part, String reason) {
        assertThat(problem).isPresent();
        assertThat(problem.get().error()).isEqualTo(ServiceError.INVALID_PARAMETER);
        assertThat(problem.get().getMessage()).contains(part).contains(reason);
    }
}
