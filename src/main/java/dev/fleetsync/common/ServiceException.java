package dev.fleetsync.common;

/** A domain failure with its catalogue entry; rendered once, at the edge. No stack trace: these are expected answers. */
public class ServiceException extends RuntimeException {
    private final ServiceError error;

    public ServiceException(ServiceError error, String message) {
        super(message, null, false, false);
        this.error = error;
    }

    public ServiceError error() {
        return error;
    }

    public static ServiceException notFound(String message) {
        return ServiceError.RESOURCE_NOT_FOUND.exception(message);
    }

    public static ServiceException invalid(String message) {
        return ServiceError.INVALID_PARAMETER.exception(message);
    }
}
