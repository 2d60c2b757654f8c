package dev.fleetsync.common;

/**
 * The one catalogue of errors fleetsync answers with: the AWS error shape name and its HTTP status.
 * Statuses are the model's (RoboMaker sends 400 even for not-found and throttling).
 */
public enum ServiceError {
    INVALID_PARAMETER("InvalidParameterException", 400),
    RESOURCE_NOT_FOUND("ResourceNotFoundException", 400),
    RESOURCE_ALREADY_EXISTS("ResourceAlreadyExistsException", 400),
    LIMIT_EXCEEDED("LimitExceededException", 400),
    THROTTLING("ThrottlingException", 400),
    CONCURRENT_DEPLOYMENT("ConcurrentDeploymentException", 400),
    IDEMPOTENT_PARAMETER_MISMATCH("IdempotentParameterMismatchException", 400),
    MISSING_AUTHENTICATION_TOKEN("MissingAuthenticationTokenException", 403),
    UNRECOGNIZED_CLIENT("UnrecognizedClientException", 403),
    INVALID_SIGNATURE("InvalidSignatureException", 403),
    /** A verified caller asked for something its credential does not allow (a robot credential outside its robot). */
    ACCESS_DENIED("AccessDeniedException", 403),
    UNKNOWN_OPERATION("UnknownOperationException", 404),
    METHOD_NOT_ALLOWED("MethodNotAllowedException", 405),
    REQUEST_TOO_LARGE("RequestEntityTooLargeException", 413),
    /** The request line is longer than the edge reads (fleetsync.http.max-request-line-bytes). */
    URI_TOO_LONG("RequestURITooLongException", 414),
    /** More headers, or more header bytes, than the edge reads (fleetsync.http.max-headers, max-header-bytes). */
    HEADERS_TOO_LARGE("RequestHeaderFieldsTooLargeException", 431),
    UNSUPPORTED_MEDIA_TYPE("UnsupportedMediaTypeException", 415),
    INTERNAL("InternalServerException", 500),
    SERVICE_UNAVAILABLE("ServiceUnavailableException", 503);

    private final String awsName;
    private final int httpStatus;

    ServiceError(String awsName, int httpStatus) {
        this.awsName = awsName;
        this.httpStatus = httpStatus;
    }

    public String awsName() {
        return awsName;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public ServiceException exception(String message) {
        return new ServiceException(this, message);
    }
}
