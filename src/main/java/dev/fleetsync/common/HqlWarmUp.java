package dev.fleetsync.common;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.MappingMetamodel;
import org.hibernate.query.spi.QueryEngine;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * Interprets every declared HQL statement at start-up, on the thread that starts the service, before any request or
 * timer runs. Hibernate otherwise parses a statement on its first use, on the event loop, and the first parse (with
 * its class loading) blocked it for seconds on a loaded machine. A warm-up rather than named queries: Hibernate 7.2
 * only validates named queries at boot and still parses them again on first use.
 */
@ApplicationScoped
public class HqlWarmUp {
    private static final Logger LOG = Logger.getLogger(HqlWarmUp.class);

    private final Mutiny.SessionFactory sessions;
    private final Instance<Hql.Statements> declared;

    public HqlWarmUp(Mutiny.SessionFactory sessions, @Any Instance<Hql.Statements> declared) {
        this.sessions = sessions;
        this.declared = declared;
    }

    // Before the other start-up observers, which start the timers that run these statements.
    void start(@Observes @Priority(1) StartupEvent event) {
        List<Hql> statements = declared.stream().flatMap(bean -> bean.statements().stream()).toList();
        QueryEngine engine = factory().getQueryEngine();
        for (Hql hql : statements) {
            engine.getInterpretationCache().resolveHqlInterpretation(hql.text(), hql.resultType(), engine.getHqlTranslator());
        }
        LOG.debugf("Interpreted %d HQL statements", statements.size());
    }

    private SessionFactoryImplementor factory() {
        return ((MappingMetamodel) sessions.getMetamodel()).getTypeConfiguration().getSessionFactory();
    }
}
