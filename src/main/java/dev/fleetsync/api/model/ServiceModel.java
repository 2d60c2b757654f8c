package dev.fleetsync.api.model;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fleetsync.api.application.RobotApplicationResource;
import dev.fleetsync.api.credential.RobotCredentialResource;
import dev.fleetsync.api.deployment.DeploymentResource;
import dev.fleetsync.api.fleet.FleetResource;
import dev.fleetsync.api.robot.RobotResource;
import dev.fleetsync.api.shape.Empty;
import dev.fleetsync.api.tag.TagResource;
import dev.fleetsync.api.webhooks.WebhookResource;
import dev.fleetsync.common.ServiceError;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The botocore service model of the API fleetsync serves, generated from its own JAX-RS resources and wire records, so
 * it says what the service accepts and cannot drift from it. Current AWS CLIs and SDKs no longer ship RoboMaker; with
 * this model added ({@code aws configure add-model}) they get the commands back.
 */
public final class ServiceModel {
    public static final String FILE_NAME = "robomaker-2018-06-29.json";
    /**
     * The resources of the API: RoboMaker's, and fleetsync's own robot credentials and webhook subscriptions (so that
     * the same CLI issues and registers them).
     * The robot protocol is for robots, not for tooling, and is left out (the bad-input corpus adds it).
     */
    public static final List<Class<?>> RESOURCES = List.of(FleetResource.class, RobotResource.class, RobotApplicationResource.class,
            DeploymentResource.class, TagResource.class, RobotCredentialResource.class, WebhookResource.class);

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ServiceModel() {
    }

    public static ObjectNode build() {
        return build(RESOURCES);
    }

    /** The model of the given resources, e.g. {@link #RESOURCES} and the robot protocol's, for tests generated from it. */
    public static ObjectNode build(List<Class<?>> resources) {
        Shapes shapes = new Shapes();
        List<String> errors = Arrays.stream(ServiceError.values()).filter(e -> e.httpStatus() >= 400)
                .map(e -> shapes.error(e.awsName(), e.httpStatus())).toList();
        ObjectNode model = JSON.objectNode().put("version", "2.0");
        metadata(model.putObject("metadata"));
        ObjectNode operations = model.putObject("operations");
        resources.stream().flatMap(r -> Arrays.stream(r.getDeclaredMethods())).filter(ServiceModel::isOperation)
                .sorted(Comparator.comparing(Method::getName))
                .forEach(m -> operation(operations, shapes, m, errors));
        ObjectNode shapeNodes = model.putObject("shapes");
        shapes.all().forEach(shapeNodes::set);
        return model;
    }

    /** The names of the members the API takes from the query string, as the model spells them. */
    public static Set<String> queryParameterNames() {
        return RESOURCES.stream().flatMap(r -> Arrays.stream(r.getDeclaredMethods())).filter(ServiceModel::isOperation)
                .flatMap(m -> Arrays.stream(m.getParameters())).filter(p -> p.isAnnotationPresent(QueryParam.class))
                .map(p -> p.getAnnotation(QueryParam.class).value()).collect(Collectors.toUnmodifiableSet());
    }

    private static void metadata(ObjectNode metadata) {
        metadata.put("apiVersion", "2018-06-29").put("endpointPrefix", "robomaker").put("jsonVersion", "1.1")
                .put("protocol", "rest-json").put("serviceAbbreviation", "RoboMaker").put("serviceFullName", "AWS RoboMaker")
                .put("serviceId", "RoboMaker").put("signatureVersion", "v4").put("signingName", "robomaker")
                .put("uid", "robomaker-2018-06-29");
        metadata.putArray("protocols").add("rest-json");
    }

    private static boolean isOperation(Method method) {
        return httpMethod(method) != null;
    }

    private static void operation(ObjectNode operations, Shapes shapes, Method method, List<String> errors) {
        String name = Shapes.capitalize(method.getName());
        ObjectNode operation = operations.putObject(name).put("name", name);
        operation.putObject("http").put("method", httpMethod(method)).put("requestUri", requestUri(method)).put("responseCode", 200);
        operation.putObject("input").put("shape", input(shapes, name, method));
        operation.putObject("output").put("shape", shapes.structure(name + "Response", output(method)));
        errors.forEach(e -> operation.withArray("errors").addObject().put("shape", e));
    }

    /**
     * The operation's members: those in the path and the query, then the body's. When the resource assembles a
     * validated record from them (the tag operations do), that record's constraints are the members'.
     */
    private static String input(Shapes shapes, String name, Method method) {
        List<Shapes.Member> located = new ArrayList<>();
        Class<?> body = null;
        for (Parameter parameter : method.getParameters()) {
            if (parameter.isAnnotationPresent(PathParam.class)) {
                located.add(new Shapes.Member(parameter.getAnnotation(PathParam.class).value(), parameter.getAnnotatedType(), "uri",
                        List.of(parameter.getAnnotations())));
            } else if (parameter.isAnnotationPresent(QueryParam.class)) {
                located.add(new Shapes.Member(parameter.getAnnotation(QueryParam.class).value(), parameter.getAnnotatedType(),
                        "querystring", List.of(parameter.getAnnotations())));
            } else {
                body = parameter.getType();
            }
        }
        if (located.isEmpty()) {
            return shapes.structure(name + "Request", body);
        }
        Class<?> validated = validatedRecord(method.getDeclaringClass(), name + "Request");
        if (validated != null) {
            List<Shapes.Member> members = Arrays.stream(validated.getRecordComponents()).map(Shapes.Member::of)
                    .map(m -> located.stream().filter(l -> l.jsonName().equals(m.jsonName())).findFirst()
                            .map(l -> new Shapes.Member(m.jsonName(), m.type(), l.location(), m.annotations())).orElse(m))
                    .toList();
            return shapes.structure(name + "Request", null, members);
        }
        return shapes.structure(name + "Request", body, located);
    }

    /** The record named so among the wire records of the resource's aggregate (XResource's are in XWire). */
    private static Class<?> validatedRecord(Class<?> resource, String simpleName) {
        try {
            Class<?> wire = Class.forName(resource.getName().replaceFirst("Resource$", "Wire"));
            return Arrays.stream(wire.getDeclaredClasses()).filter(c -> c.getSimpleName().equals(simpleName)).findFirst().orElse(null);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    private static Class<?> output(Method method) {
        if (method.getReturnType() != Uni.class) {
            throw new IllegalStateException(method + " answers no Uni");
        }
        Class<?> answer = (Class<?>) ((ParameterizedType) method.getGenericReturnType()).getActualTypeArguments()[0];
        return answer == Empty.class ? null : answer;
    }

    private static String httpMethod(Method method) {
        return method.isAnnotationPresent(POST.class) ? "POST" : method.isAnnotationPresent(GET.class) ? "GET"
                : method.isAnnotationPresent(DELETE.class) ? "DELETE" : method.isAnnotationPresent(PUT.class) ? "PUT" : null;
    }

    /** The class's and the method's paths joined; a regex template parameter ({x: .+}) is the plain label {x}. */
    private static String requestUri(Method method) {
        String base = method.getDeclaringClass().getAnnotation(Path.class).value();
        Path own = method.getAnnotation(Path.class);
        String path = own == null ? base : (base.endsWith("/") ? base : base + "/") + own.value();
        return (path.startsWith("/") ? path : "/" + path).replaceAll("\\{(\\w+)\\s*:[^}]*}", "{$1}");
    }
}
