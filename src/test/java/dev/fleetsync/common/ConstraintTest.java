package dev.fleetsync.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.pgclient.PgException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The one table of meaningful constraints: what each violation answers, and what it leaves alone. */
class ConstraintTest {

    private static PgException pg(String sqlState, String constraint) {
        return new PgException("duplicate key value violates unique constraint", "ERROR", sqlState, null, null, null, null, null,
                null, null, null, null, null, null, null, null, constraint);
    }

    private static ConstraintViolationException hibernate(String sqlState, String constraint) {
        return new ConstraintViolationException("could not execute statement", new SQLException("violation", sqlState), constraint);
    }

    @ParameterizedTest
    @EnumSource(Constraint.class)
    void everyConstraintIsFoundHoweverItIsWrapped(Constraint constraint) {
        String state = constraint == Constraint.ROBOT_FLEET ? ConstraintViolations.FOREIGN_KEY_VIOLATION : ConstraintViolations.UNIQUE_VIOLATION;
        assertEquals(constraint, Constraint.brokenBy(pg(state, constraint.constraintName())).orElseThrow());
        assertEquals(constraint, Constraint.brokenBy(new CompletionException(hibernate(state, constraint.constraintName()))).orElseThrow());
    }

    @ParameterizedTest
    @EnumSource(Constraint.class)
    void everyConstraintOfTheTableExistsInTheSchema(Constraint constraint) throws IOException {
        try (Stream<Path> migrations = Files.list(Path.of("src/main/resources/db/migration"))) {
            assertTrue(migrations.map(ConstraintTest::read).anyMatch(sql -> sql.contains(constraint.constraintName())),
                    constraint.constraintName() + " is named in no migration");
        }
    }

    @Test
    void aViolationBecomesItsErrorNamingTheSubject() {
        Throwable answer = Constraint.translate(pg(ConstraintViolations.UNIQUE_VIOLATION, "uq_robot_greengrass_group"), "gg-1");
        ServiceException refused = (ServiceException) answer;
        assertEquals(ServiceError.RESOURCE_ALREADY_EXISTS, refused.error());
        assertEquals("A robot with greengrassGroupId gg-1 already exists", refused.getMessage());
    }

    @Test
    void constraintNamesMatchWhateverTheirCase() {
        assertEquals(Constraint.APPLICATION_NAME,
                Constraint.brokenBy(hibernate(ConstraintViolations.UNIQUE_VIOLATION, "UQ_ROBOT_APPLICATION_NAME")).orElseThrow());
    }

    @Test
    void aConstraintOutsideTheTableStaysAFault() {
        PgException unknown = pg(ConstraintViolations.UNIQUE_VIOLATION, "pk_fleet");
        assertSame(unknown, Constraint.translate(unknown, "x"));
        assertTrue(Constraint.isUniqueViolation(unknown));
    }

    @Test
    void aViolationOfAnotherKindIsNotTheTablesEvenUnderATableName() {
        // fk_robot_fleet is a foreign key: a unique violation carrying its name is something else
        assertTrue(Constraint.brokenBy(pg(ConstraintViolations.UNIQUE_VIOLATION, "fk_robot_fleet")).isEmpty());
        assertFalse(Constraint.isUniqueViolation(pg(ConstraintViolations.FOREIGN_KEY_VIOLATION, "fk_robot_fleet")));
    }

    @Test
    void aFailureWithoutAConstraintIsLeftAlone() {
        IllegalStateException other = new IllegalStateException("boom");
        assertSame(other, Constraint.translate(other, "x"));
        assertFalse(Constraint.isUniqueViolation(other));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
