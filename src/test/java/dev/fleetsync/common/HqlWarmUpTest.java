package dev.fleetsync.common;

import static dev.fleetsync.support.Requests.deploy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fleetsync.support.Agent;
import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.Sdk;
import dev.fleetsync.support.ServiceTest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.MappingMetamodel;
import org.hibernate.query.spi.QueryEngine;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.robomaker.model.DeploymentStatus;

/**
 * Every declared HQL statement is interpreted at start-up, so none is parsed on first use (on the event loop). A
 * profile of its own gives this class a freshly started service, whose cache holds only what start-up put there.
 */
@QuarkusTest
@TestProfile(HqlWarmUpTest.FreshStart.class)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class HqlWarmUpTest extends ServiceTest {
    @Inject
    Mutiny.SessionFactory sessions;
    @Inject
    @Any
    Instance<Hql.Statements> declared;

    public static class FreshStart implements QuarkusTestProfile {
    }

    @AfterEach
    void statisticsOff() {
        factory().getStatistics().setStatisticsEnabled(false);
    }

    @Test
    void startUpHasInterpretedEveryDeclaredStatement() {
        List<Hql> statements = statements();
        assertThat(statements).hasSizeGreaterThanOrEqualTo(18).doesNotHaveDuplicates();
        QueryEngine engine = factory().getQueryEngine();
        int cached = engine.getInterpretationCache().getNumberOfCachedHqlInterpretations();
        assertThat(cached).isGreaterThanOrEqualTo(statements.size());

        for (Hql hql : statements) {
            engine.getInterpretationCache().resolveHqlInterpretation(hql.text(), hql.resultType(), engine.getHqlTranslator());
        }

        assertThat(engine.getInterpretationCache().getNumberOfCachedHqlInterpretations()).as("interpretations after resolving again")
                .isEqualTo(cached);
    }

    /**
     * No class hands Hibernate HQL that start-up has not interpreted: every literal passed to the session is a declared
     * statement, and Panache's string methods are not used for HQL at all. Read from the compiled classes.
     */
    @Test
    void everyHqlLiteralInTheServiceIsADeclaredStatement() {
        Path classes = Path.of("target", "classes", "dev", "fleetsync");
        assertThat(HqlCallSites.classCount(classes)).as("compiled classes under " + classes).isGreaterThan(100);
        List<HqlCallSites.Site> sites = HqlCallSites.in(classes);
        assertThat(sites).as("literal HQL handed to the session").filteredOn(site -> !site.literals().isEmpty())
                .hasSizeGreaterThanOrEqualTo(15);

        assertThat(HqlCallSites.undeclared(sites, statements())).as("HQL that HqlWarmUp does not interpret").isEmpty();
    }

    /**
     * A first rollout (quota check, claim, progress, hand-over) finds its statements interpreted: Hibernate counts a
     * hit for each and no miss, which also shows the declared result types are the ones the calls look them up by.
     */
    @Test
    void aFirstRolloutParsesNoDeclaredStatement() {
        Statistics statistics = factory().getStatistics();
        statistics.clear();
        statistics.setStatisticsEnabled(true);
        String application = seed.applicationWithVersions(1);
        String fleet = robomaker.createFleet(r -> r.name(Sdk.unique("warm"))).arn();
        Agent robot = new Agent(endpoint, seed.robotsInFleet(fleet, 1).get(0));
        String job = robomaker.createDeploymentJob(deploy(fleet, application, "1").clientRequestToken(UUID.randomUUID().toString())
                .build()).arn();
        await().atMost(Duration.ofSeconds(30)).until(() -> robot.poll(1).getString("deploymentJob") != null);
        robot.reportOk(job, "Finished", 100, "Succeeded", null);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> robomaker.describeDeploymentJob(r -> r.job(job)).status() == DeploymentStatus.SUCCEEDED);

        List<Hql> used = statements().stream().filter(hql -> statistics.getQueryStatistics(hql.text()).getExecutionCount() > 0)
                .toList();
        assertThat(used).as("declared statements the rollout ran").hasSizeGreaterThanOrEqualTo(4);
        // A plan-cache miss also counts the SQL plan made at a first execution; compilation time is the HQL parse's alone.
        List<String> parsed = statements().stream().map(Hql::text)
                .filter(hql -> statistics.getQueryStatistics(hql).getPlanCompilationTotalMicroseconds() > 0).toList();
        assertThat(parsed).as("declared statements parsed during a first rollout").isEmpty();
    }

    private List<Hql> statements() {
        return declared.stream().flatMap(bean -> bean.statements().stream()).toList();
    }

    private SessionFactoryImplementor factory() {
        return ((MappingMetamodel) sessions.getMetamodel()).getTypeConfiguration().getSessionFactory();
    }
}
