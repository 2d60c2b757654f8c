package dev.fleetsync.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Robot access key ids and their derived secrets. */
class RobotCredentialSecretsTest {
    private static final String KEY = "0123456789abcdef0123456789abcdef";
    private final RobotCredentialSecrets secrets = new RobotCredentialSecrets(Optional.of(KEY));

    @Test
    void newIdsHaveTheRobotFormAndDoNotRepeat() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = secrets.newAccessKeyId();
            assertThat(RobotCredentialSecrets.isRobotKeyId(id)).as(id).isTrue();
            ids.add(id);
        }
        assertThat(ids).hasSize(1000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "RKID", "AKIDFLEETSYNCTEST", "RKIDAAAAAAAAAAAAAAA", "RKIDAAAAAAAAAAAAAAAAA", "rkidaaaaaaaaaaaaaaaa",
            "RKIDAAAAAAAAAAAAAAA1", "RKIDAAAAAAAAAAAAAAA=", "XKIDAAAAAAAAAAAAAAAA"})
    void anythingElseIsNoRobotKeyId(String id) {
        assertThat(RobotCredentialSecrets.isRobotKeyId(id)).isFalse();
    }

    @Test
    void theSecretFollowsFromTheIdAndTheServerKeyAlone() {
        String id = "RKIDAAAAAAAAAAAAAAAA";

        assertThat(secrets.secretOf(id)).isEqualTo(new RobotCredentialSecrets(Optional.of(KEY)).secretOf(id)).hasSize(43);
        assertThat(secrets.secretOf(id)).isNotEqualTo(secrets.secretOf("RKIDAAAAAAAAAAAAAAAB"));
        assertThat(secrets.secretOf(id)).isNotEqualTo(new RobotCredentialSecrets(Optional.of(KEY + "x")).secretOf(id));
    }

    @Test
    void withoutAServerKeyRobotCredentialsAreOff() {
        RobotCredentialSecrets off = new RobotCredentialSecrets(Optional.empty());

        assertThat(off.enabled()).isFalse();
        assertThatThrownBy(() -> off.secretOf("RKIDAAAAAAAAAAAAAAAA")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aServerKeyOneCharacterTooShortIsRefusedWithoutEchoingIt() {
        String shortKey = KEY.substring(1);

        assertThatThrownBy(() -> new RobotCredentialSecrets(Optional.of(shortKey))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least 32").hasMessageNotContaining(shortKey);
        assertThat(new RobotCredentialSecrets(Optional.of(KEY)).enabled()).isTrue();
    }
}
