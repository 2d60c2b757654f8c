package dev.fleetsync;

import dev.fleetsync.api.http.RequestShape;
import dev.fleetsync.config.RequiredSettings;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.smallrye.config.DotEnvConfigSourceProvider;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.SysPropConfigSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The service's entry point, above every package (it reaches into config and the api's edge). A production start first
 * checks, in the places an operator sets them (the environment, {@code -D} options, {@code .env},
 * {@code config/application.properties}, the packaged {@code application.properties}), that every required setting is
 * there ({@link RequiredSettings}), and otherwise names all the missing ones in one message and exits with status 1,
 * before Quarkus would fail on the first of them with a stack trace.
 */
@QuarkusMain
public final class FleetSyncMain {
    FleetSyncMain() {
    }

    public static void main(String... args) {
        if (LaunchMode.current() == LaunchMode.NORMAL && packaged()) {
            SmallRyeConfig config = operatorSettings();
            Optional<String> problem = RequiredSettings.problem(key -> config.getOptionalValue(key, String.class));
            if (problem.isPresent()) {
                System.err.println(problem.get());
                System.exit(1);
            }
        }
        RequestShape.replaceQuarkusUriCheck();
        Quarkus.run(args);
    }

    /**
     * Dev mode and the tests run the application in Quarkus's own class loader (and dev mode calls this with the launch
     * mode still NORMAL); a packaged jar or native image never does.
     */
    private static boolean packaged() {
        return !FleetSyncMain.class.getClassLoader().getClass().getName().equals("io.quarkus.bootstrap.classloading.QuarkusClassLoader");
    }

    private static SmallRyeConfig operatorSettings() {
        List<ConfigSource> sources = new ArrayList<>(List.of(new SysPropConfigSource(), new EnvConfigSource(System.getenv(), 300)));
        sources.addAll(DotEnvConfigSourceProvider.dotEnvSources(FleetSyncMain.class.getClassLoader()));
        try {
            Path local = Path.of("config", "application.properties");
            if (Files.isRegularFile(local)) {
                sources.add(new PropertiesConfigSource(local.toUri().toURL(), 260));
            }
            URL packaged = FleetSyncMain.class.getClassLoader().getResource("application.properties");
            if (packaged != null) {
                sources.add(new PropertiesConfigSource(packaged, 250));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String profile = Optional.ofNullable(System.getProperty("quarkus.profile"))
                .or(() -> Optional.ofNullable(System.getenv("QUARKUS_PROFILE"))).orElse("prod");
        return new SmallRyeConfigBuilder().withProfile(profile).addDefaultInterceptors().withSources(sources).build();
    }
}
