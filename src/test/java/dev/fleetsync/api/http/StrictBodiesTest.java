package dev.fleetsync.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsync.api.deployment.DeploymentWire.CreateDeploymentJobRequest;
import dev.fleetsync.api.fleet.FleetWire.CreateFleetRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where malformed bytes are reported: the prefix before them, parsed, says which member they are in. */
class StrictBodiesTest {

    @Test
    void badBytesInAStringValueNameItsMember() {
        assertThat(locate("{\"name\":\"ab")).containsExactly("name");
        assertThat(locate("{\"a\":1,\"deploymentConfig\":{\"downloadConditionFile\":{\"bucket\":\"b"))
                .containsExactly("deploymentConfig", "downloadConditionFile", "bucket");
    }

    @Test
    void badBytesInAListElementNameItsIndex() {
        assertThat(locate("{\"s3Etags\":[\"a\",\"b\",\"c")).containsExactly("s3Etags", 2);
    }

    @Test
    void badBytesInAKeyNameTheObjectHoldingIt() {
        assertThat(locate("{\"name\":\"x\",\"tags\":{\"a\":\"1\",\"k")).containsExactly("tags");
        assertThat(locate("{\"name\":\"x\",\"na")).isEmpty();
    }

    @Test
    void badBytesOutsideAnyStringNameTheObjectTheyAreIn() {
        assertThat(locate("{\"tags\":{\"a\":\"1\",")).containsExactly("tags");
        assertThat(locate("{\"tags\":")).isEmpty();
    }

    @Test
    void badBytesFirstOrAfterACompleteValueBelongToNoMember() {
        assertThat(locate("")).isNull();
        assertThat(locate("{\"name\":\"x\"}")).isNull();
    }

    @Test
    void theMessageNamesTheMemberAsTheValidatorDoes() {
        byte[] body = "{\"name\":\"x\",\"tags\":{\"team\":\"a\u00ff".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(StrictBodies.notUtf8(body, body.length - 1, CreateFleetRequest.class))
                .contains("Value at 'tags[team]'").contains("valid UTF-8").contains("offset " + (body.length - 1));
    }

    @Test
    void theMessageSaysSoWhenTheBodyAsAWholeIsMalformed() {
        assertThat(StrictBodies.notUtf8(new byte[] {(byte) 0xff}, 0, CreateDeploymentJobRequest.class))
                .isEqualTo("The request body is not valid UTF-8: the bytes at offset 0 are malformed");
    }

    @Test
    void utf16AndUtf32BodiesAreFoundByTheirNulBytes() {
        String json = "{\"name\":\"fleet\"}";
        assertThat(StrictBodies.firstNul(json.getBytes(StandardCharsets.UTF_16LE))).isEqualTo(1);
        assertThat(StrictBodies.firstNul(json.getBytes(StandardCharsets.UTF_16BE))).isZero();
        assertThat(StrictBodies.firstNul(json.getBytes(java.nio.charset.Charset.forName("UTF-32LE")))).isEqualTo(1);
    }

    @Test
    void utf8JsonHasNoNulByteEvenWithAnEscapedNul() {
        assertThat(StrictBodies.firstNul("{\"name\":\"a\\u0000b\u00e9\"}".getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
        assertThat(StrictBodies.firstNul(new byte[0])).isEqualTo(-1);
    }

    private static List<Object> locate(String prefix) {
        return StrictBodies.locate(prefix.getBytes(StandardCharsets.US_ASCII));
    }
}
