package dev.fleetsync.api.http;

import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/** Names the AWS operation in the log MDC once the resource method is matched: {@code createFleet} is CreateFleet. */
public class OperationLogging {

    @ServerRequestFilter(preMatching = false)
    public void nameOperation(SimpleResourceInfo resource, RoutingContext ctx) {
        String operation = operationName(resource.getMethodName());
        ctx.put(RequestLogging.OPERATION_KEY, operation);
        MDC.put(RequestLogging.OPERATION, operation);
    }

    static String operationName(String methodName) {
        return Character.toUpperCase(methodName.charAt(0)) + methodName.substring(1);
    }
}
